package io.firstwall.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; it lists the accounts that still have their demo passwords (a local run). */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class LoginController implements io.firstwall.system.PageController {

    private final AccountService accounts;

    LoginController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(org.springframework.ui.Model model, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("demoUsers", accounts.demoAccounts());
        var session = request.getSession(false);
        Object failure = session == null ? null
                : session.getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof org.springframework.security.authentication.LockedException locked) {
            model.addAttribute("locked", locked.getMessage());
        }
        return "login";
    }
}
