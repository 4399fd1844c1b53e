# The sentences rules may be written in (Drools DSL). Each line: [when] or [then], the sentence,
# "=", and the rule text it stands for. A blank in braces, like {region}, takes what the rule writes
# there. Lines starting "- " add a condition to the plan sentence above them. Add sentences as the
# rules need them: what a sentence stands for is checked against the same allowlist as any rule.
#
# Conditions
[when]There is a plan=$p : Plan()
[when]- located in {region}=location == "{region}"
[when]- not located in {region}=location != "{region}"
[when]- powered by the grid=power == Power.GRID
[when]- powered by on-site gas=power == Power.ONSITE_GAS
[when]- powered by solar and storage=power == Power.SOLAR_STORAGE
[when]- powered by solar in orbit=power == Power.SPACE_SOLAR
[when]- not powered by {power}=power != Power.{power}
[when]- in a new building=!flag("existingBuilding")
[when]- in an existing building=flag("existingBuilding")
[when]- with {attribute}=flag("{attribute}")
[when]- without {attribute}=!flag("{attribute}")
[when]- unless its generators are {generatorType}=text("turbineType", "") != "{generatorType}"
[when]The plan is on Earth=Region(orbital == false)
[when]The plan is in orbit=Region(orbital == true)
[when]Its last phase generates more than {mw} MW on site=PhaseDemand(phase == $p.phases().size(), generationMw > {mw})
[when]Its last phase draws more than {mw} MW=PhaseDemand(phase == $p.phases().size(), facilityMw > {mw})
[when]The lead time is the fact {factId}=$f : Fact() from facts.get("{factId}")
#
# Actions
[then]It needs the {lane} permit: {what}=insert(Calc.permit(drools.getRule().getName(), "{lane}", $p, $f, "{what}"));
