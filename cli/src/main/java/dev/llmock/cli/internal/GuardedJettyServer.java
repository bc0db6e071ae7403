package dev.llmock.cli.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockApp;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHandler;
import org.eclipse.jetty.servlets.CrossOriginFilter;

/**
 * WireMock's Jetty server as {@code llmock serve} runs it: the admin API behind an {@link AdminGate} and without
 * WireMock's CORS filter (which answers every origin), every request body checked by a {@link BodyLimit} before it is
 * read, and a {@link RequestLine} written when each response is complete. The contexts are changed after WireMock has
 * built them, because WireMock builds them inside its own constructor.
 */
final class GuardedJettyServer extends Jetty11HttpServer {

    GuardedJettyServer(Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler,
                       ServeSafety safety) {
        super(options, adminRequestHandler, stubRequestHandler);
        for (Handler handler : jettyServer.getChildHandlersByClass(ServletContextHandler.class)) {
            ServletContextHandler context = (ServletContextHandler) handler;
            ServletHandler servlets = context.getServletHandler();
            first(servlets, "llmock-body-limit", new BodyLimit(safety.maxBodyBytes()));
            if (WireMockApp.ADMIN_CONTEXT_ROOT.equals(context.getContextPath())) {
                withoutCors(servlets);
                first(servlets, "llmock-admin-gate", new AdminGate(safety.adminApi()));
            }
        }
        jettyServer.setRequestLog(new RequestLine(safety.requestLog()));
    }

    /** Puts {@code filter} in front of every other filter of the context, for every path. */
    private static void first(ServletHandler servlets, String name, Filter filter) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setName(name);
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(name);
        mapping.setPathSpec("/*");
        mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        servlets.prependFilter(holder);
        servlets.prependFilterMapping(mapping);
    }

    private static void withoutCors(ServletHandler servlets) {
        for (FilterHolder holder : servlets.getFilters()) {
            if (CrossOriginFilter.class.getName().equals(holder.getClassName())
                    || holder.getHeldClass() == CrossOriginFilter.class) {
                for (FilterMapping mapping : servlets.getFilterMappings()) {
                    if (holder.getName().equals(mapping.getFilterName())) {
                        servlets.removeFilterMapping(mapping);
                    }
                }
                servlets.removeFilterHolder(holder);
            }
        }
    }
}
