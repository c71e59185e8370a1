package io.tlsviz.app.view;

import java.net.URL;

/** Class-path resources, failing loudly when one is missing. */
public final class Resources {
    private Resources() {
    }

    /** The URL of an absolute class-path resource, e.g. {@code /io/tlsviz/assets/themes/base.css}. */
    public static String resolve(String path) {
        URL url = Resources.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Resource not found: " + path);
        }
        return url.toExternalForm();
    }
}
