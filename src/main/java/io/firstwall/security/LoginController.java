package io.firstwall.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import io.firstwall.system.PageController;
import jakarta.servlet.http.HttpServletRequest;

/** The login page; it lists the accounts that still have their demo passwords (a local run). */
@Controller
@ConditionalOnWebApplication
class LoginController implements PageController {

    private final AccountService accounts;

    LoginController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(Model model, HttpServletRequest request) {
        model.addAttribute("demoUsers", accounts.demoAccounts());
        var session = request.getSession(false);
        Object failure = session == null ? null
                : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException locked) {
            model.addAttribute("locked", locked.getMessage());
        }
        return "login";
    }
}
