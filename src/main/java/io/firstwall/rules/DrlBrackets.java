package io.firstwall.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The mistake behind most parser errors in a hand-edited rule, said in plain words at its own line:
 * a parenthesis, bracket or brace that is never closed (or closed by the wrong sign), and a string
 * that is never closed. The parser reports the place where it gave up, often lines further down
 * ("mismatched input 'insert'"); this names the place where the mistake is. Comments and strings are
 * skipped, as the parser skips them.
 */
public final class DrlBrackets {

    private record Open(char sign, int line, int column) {
    }

    /** How deep parentheses, brackets and braces may nest: parsers recurse once per level. */
    public static final int MAX_DEPTH = 60;

    private DrlBrackets() {
    }


    /** Plain-language problems of one DRL text; empty when every sign is closed. */
    public static List<RuleProblem> check(String path, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        int line = 1;
        int column = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                continue;
            }
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int startLine = line;
                int startColumn = column;
                i += 2;
                column += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        column = 0;
                    } else {
                        column++;
                    }
                    i++;
                }
                if (i >= n) {
                    problems.add(new RuleProblem(path, startLine, startColumn,
                            "a comment opened with /* on line " + startLine + " is never closed with */"));
                    return problems;
                }
                i++;
                column += 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                int startColumn = column;
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n || text.charAt(j) == '\n') {
                    problems.add(new RuleProblem(path, line, startColumn, "a text in quotes opened on line " + line
                            + " (column " + startColumn + ") is never closed: add the closing " + c + " on that line"));
                    i = Math.min(j, n) - 1;
                    continue;
                }
                column += j - i;
                i = j;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open.push(new Open(c, line, column));
                if (open.size() > MAX_DEPTH) {
                    problems.add(new RuleProblem(path, line, column, "parentheses, brackets and braces nest more than "
                            + MAX_DEPTH + " deep on line " + line + "; split the condition or the calculation"));
                    return problems;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                if (open.isEmpty()) {
                    problems.add(new RuleProblem(path, line, column, "a closing " + name(c) + " on line " + line
                            + " (column " + column + ") has no opening one before it: remove it, or open it earlier"));
                } else if (closer(open.peek().sign()) != c) {
                    Open o = open.pop();
                    problems.add(new RuleProblem(path, o.line(), o.column(), "a " + name(o.sign()) + " opened on line "
                            + o.line() + " (column " + o.column() + ") is closed by a " + name(c) + " on line " + line
                            + ": close it with " + closer(o.sign()) + " first"));
                } else {
                    open.pop();
                }
            }
        }
        List<Open> unclosed = new ArrayList<>(open);
        Collections.reverse(unclosed);
        for (Open o : unclosed) {
            problems.add(new RuleProblem(path, o.line(), o.column(), "a " + name(o.sign()) + " opened on line " + o.line()
                    + " (column " + o.column() + ") is never closed: add " + closer(o.sign()) + " where it should end"));
        }
        return problems;
    }

    private static char closer(char open) {
        return switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }

    private static String name(char sign) {
        return switch (sign) {
            case '(', ')' -> "parenthesis";
            case '[', ']' -> "bracket";
            default -> "brace";
        };
    }
}
