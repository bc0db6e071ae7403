package dev.llmock.cli.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps WireMock's admin API ({@code /__admin}) from strangers. Off, it answers every request with 404. On, it lets
 * through only requests from a loopback address, to a loopback host name (so that a web page cannot reach it by
 * rebinding its own name to 127.0.0.1), and with no {@code Origin} but a loopback one (so that a web page the user
 * visits cannot add stubs or write files).
 */
final class AdminGate implements Filter {
    private final boolean open;

    AdminGate(boolean open) {
        this.open = open;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!open) {
            JsonError.send(response, 404, "admin_api_off", Messages.adminApiOff());
        } else if (!loopbackAddress(http.getRemoteAddr())) {
            JsonError.send(response, 403, "admin_api_loopback_only", Messages.adminApiNotLoopback(http.getRemoteAddr()));
        } else if (!loopbackName(http.getServerName())) {
            JsonError.send(response, 403, "admin_api_loopback_only", Messages.adminApiForeignHost(http.getServerName()));
        } else if (http.getHeader("Origin") != null && !loopbackOrigin(http.getHeader("Origin"))) {
            JsonError.send(response, 403, "admin_api_cross_origin", Messages.adminApiCrossOrigin(http.getHeader("Origin")));
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean loopbackOrigin(String origin) {
        try {
            String host = new URI(origin.trim()).getHost();
            return host != null && loopbackName(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code localhost} or a loopback address literal; never a name to look up. */
    private static boolean loopbackName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || (literal(name) && loopbackAddress(name));
    }

    private static boolean literal(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** {@code address} comes from the socket, so it is a literal and parsing it looks nothing up. */
    private static boolean loopbackAddress(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
