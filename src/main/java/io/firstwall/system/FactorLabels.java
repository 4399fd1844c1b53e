package io.firstwall.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Walls by the names people read ("on-site generation"), for text built with their codes (TURBINE_SUPPLY):
 * templates call {@code @factorLabels.inText(...)}. A code without a name stays as it is.
 */
@Component("factorLabels")
public class FactorLabels {

    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]+)*\\b");

    private final MessageSource messages;

    FactorLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String factor) {
        return messages.getMessage("factor." + factor, null, factor, LocaleContextHolder.getLocale());
    }

    /** The text with every wall code in it replaced by the wall's name. */
    public String inText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(of(m.group())));
        }
        return m.appendTail(out).toString();
    }
}
