package io.tousu.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Answers a body larger than the contract allows with a 413 problem: at once when its declared
 * length says so, and while it is read when it comes chunked, without a length. The HTTP layer
 * ({@code quarkus.http.limits.max-body-size}, set higher) still cuts off anything larger, but
 * with an empty answer; this filter gives callers the reason. A chunked body is counted as the
 * entity reader consumes it, not in the request filter: a non-blocking endpoint must not read
 * its body from the I/O thread before the framework has buffered it.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {
    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "tousu.http.max-body-bytes", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.isEmpty() && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBytes) {
            throw tooLarge(length + " bytes");
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream()));
        return context.proceed();
    }

    private BodyTooLargeException tooLarge(String size) {
        return new BodyTooLargeException("The body has " + size + "; at most " + maxBytes + " are accepted.");
    }

    /**
     * Thrown while the body is read; the JSON reader may wrap it, so {@link ProblemMappers} looks
     * for it among the causes.
     */
    public static final class BodyTooLargeException extends WebApplicationException {
        BodyTooLargeException(String message) {
            super(message, Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
    }

    /** Counts what is read and stops at the limit. */
    private final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes");
            }
        }
    }
}
