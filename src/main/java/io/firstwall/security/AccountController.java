package io.firstwall.security;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import io.firstwall.system.PageController;

/** Accounts: admins create them, set their roles, disable them and reset passwords; everyone changes their own password. */
@Controller
@ConditionalOnWebApplication
class AccountController implements PageController {

    private final AccountService accounts;
    private final ApiTokenService tokens;

    AccountController(AccountService accounts, ApiTokenService tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("roles", AccountService.ROLES);
        model.addAttribute("minPassword", AccountService.MIN_PASSWORD);
        if (!model.containsAttribute("fieldProblems")) {
            model.addAttribute("fieldProblems", Map.of());
            model.addAttribute("newName", "");
            model.addAttribute("newRoles", Set.of(Roles.ANALYST));
        }
        return "admin/users";
    }

    private static Set<String> roles(List<String> roles) {
        return roles == null ? Set.of() : new TreeSet<>(roles);
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) List<String> roles, Principal who, Model model, RedirectAttributes redirect) {
        Map<String, String> problems = accounts.problems(name.strip(), password, roles(roles));
        if (!problems.isEmpty()) {
            model.addAttribute("fieldProblems", problems);
            model.addAttribute("newName", name);
            model.addAttribute("newRoles", roles(roles));
            model.addAttribute("error", "The account was not created; see the marked fields.");
            return list(model);
        }
        accounts.create(name.strip(), password, roles(roles), who.getName());
        redirect.addFlashAttribute("message", "Created " + name.strip() + " with roles " + roles(roles) + ".");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{name}")
    String update(@PathVariable String name, @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "false") boolean enabled, Principal who, RedirectAttributes redirect) {
        try {
            accounts.update(name, roles(roles), enabled, who.getName());
            redirect.addFlashAttribute("message", "Saved " + name + ": roles " + roles(roles)
                    + (enabled ? ", enabled." : ", disabled (can no longer log in)."));
        } catch (AccountService.AccountException e) {
            redirect.addFlashAttribute("error", e.getMessage() + " Nothing changed.");
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{name}/password")
    String resetPassword(@PathVariable String name, @RequestParam(defaultValue = "") String password, Principal who,
            RedirectAttributes redirect) {
        try {
            accounts.setPassword(name, password, who.getName());
            redirect.addFlashAttribute("message", "Set a new password for " + name + "; tell them in person.");
        } catch (AccountService.AccountException e) {
            redirect.addFlashAttribute("error", "The password for " + name + " was not changed: " + e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/account")
    String account(Model model, Principal who) {
        model.addAttribute("minPassword", AccountService.MIN_PASSWORD);
        model.addAttribute("tokens", tokens.tokens(who.getName()));
        return "account";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, Principal who, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(who.getName(), name));
            redirect.addFlashAttribute("message", "Your new API token is below. Copy it now: it is not shown again.");
        } catch (AccountService.AccountException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        tokens.revoke(who.getName(), id);
        redirect.addFlashAttribute("message", "The token is revoked; requests that use it now get 401.");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Principal who, RedirectAttributes redirect) {
        if (!password.equals(repeat)) {
            redirect.addFlashAttribute("error", "The two new passwords differ; nothing changed.");
            return "redirect:/account";
        }
        try {
            accounts.changeOwnPassword(who.getName(), current, password);
            redirect.addFlashAttribute("message", "Your password is changed.");
        } catch (AccountService.AccountException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }
}
