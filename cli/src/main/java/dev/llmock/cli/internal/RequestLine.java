package dev.llmock.cli.internal;

import dev.llmock.internal.RedactedUrls;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request, written when its response is complete: method, path and query (credential-like parameters
 * redacted), status, how the body was made, and the time from the request's arrival to the response's end.
 */
final class RequestLine implements RequestLog {
    private final PrintWriter out;

    RequestLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void log(Request request, Response response) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
        int status = response.getCommittedMetaData() == null ? response.getStatus()
                : response.getCommittedMetaData().getStatus();
        String source = response.getHeader(JsonError.SOURCE_HEADER);
        String query = request.getQueryString();
        String target = RedactedUrls.ofTarget(request.getRequestURI() + (query == null ? "" : "?" + query));
        String line = request.getMethod() + " " + target + " -> " + status + (source == null ? "" : " " + source)
                + " " + millis + "ms";
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
