package io.firstwall.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import io.firstwall.system.FirstwallProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every API request body is at most {@code firstwall.max-plan-bytes} (1 MiB): a larger declared
 * length gets a 413 problem before anything is read, and a chunked body is cut off with the same
 * answer the moment it passes the limit. Nothing is read into memory beyond it.
 */
final class ApiBodyLimitFilter extends OncePerRequestFilter {

    /** A body that went past the limit while it was being read. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes, the limit for the API");
        }
    }

    private final long limit;

    ApiBodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, request.getContentLengthLong());
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (ServletException | IOException e) {
            if (causedByLimit(e) && !response.isCommitted()) {
                response.reset();
                tooLarge(response, -1);
                return;
            }
            throw e;
        }
    }

    static boolean causedByLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private void tooLarge(HttpServletResponse response, long size) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"title\":\"Request too large\",\"status\":413,\"detail\":\"The request body"
                + (size > 0 ? " is " + size + " bytes;" : " is larger than that;") + " API request bodies may be at most "
                + limit + " bytes (1 MiB). Nothing was read or changed.\"}");
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    private void count(long n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }

    /** Registers the filter for the API only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Registration {
        @Bean
        FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimit(FirstwallProperties properties) {
            FilterRegistrationBean<ApiBodyLimitFilter> bean = new FilterRegistrationBean<>(
                    new ApiBodyLimitFilter(properties.maxPlanBytes()));
            bean.addUrlPatterns("/api/*");
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return bean;
        }
    }
}
