# Measures what-if server time: POST /plans/{id}/whatif/result for every saved plan, with a fact override.
# Logs in as the demo analyst (form login, CSRF token from the page) and times the server's answers.
import json, re, time, base64, urllib.request, urllib.parse, statistics, sys, http.cookiejar
base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 50
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def token(html):
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
login = opener.open(base + "/login").read().decode()
opener.open(urllib.request.Request(base + "/login", data=urllib.parse.urlencode(
    {"username": "analyst", "password": "analyst", "_csrf": token(login)}).encode())).read()
basic = {"Authorization": "Basic " + base64.b64encode(b"analyst:analyst").decode()}
def api(path):
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, headers=basic)))
plans = api("/api/plans")
all_total, all_server = [], []
for p in plans:
    plan = api(f"/api/plans/{p['id']}")["plan"]
    csrf = token(opener.open(f"{base}/plans/{p['id']}/whatif").read().decode())
    form = [("name", plan["name"]), ("location", plan["location"]), ("power", plan["power"]),
            ("accelerator", plan["accelerator"]), ("decisionDate", plan["decisionDate"])]
    for i, ph in enumerate(plan["phases"]):
        form += [(f"phases[{i}].online", ph["online"]), (f"phases[{i}].accelerators", str(ph["accelerators"]))]
    for i, (k, v) in enumerate(plan.get("attributes", {}).items()):
        form += [(f"attributes[{i}].key", k), (f"attributes[{i}].value", str(v).lower() if isinstance(v, bool) else str(v))]
    form += [("o:pue.ai_site", "1.3"), ("_csrf", csrf)]
    body = urllib.parse.urlencode(form).encode()
    totals, servers = [], []
    for r in range(rounds + 10):
        t0 = time.perf_counter()
        resp = opener.open(urllib.request.Request(f"{base}/plans/{p['id']}/whatif/result", data=body))
        resp.read()
        t = (time.perf_counter() - t0) * 1000
        st = float(resp.headers["Server-Timing"].split("dur=")[1])
        if r >= 10:
            totals.append(t); servers.append(st)
    all_total += totals; all_server += servers
    print(f"{p['name'][:45]:45s} analysis median {statistics.median(servers):6.2f} ms  request median {statistics.median(totals):6.2f} ms  p95 {sorted(totals)[int(0.95*len(totals))-1]:6.2f} ms")
q = sorted(all_total)
print(f"ALL ({len(q)} requests): analysis median {statistics.median(all_server):.2f} ms, request median {statistics.median(q):.2f} ms, p95 {q[int(0.95*len(q))-1]:.2f} ms, max {q[-1]:.2f} ms")
