package org.forecastsql.engine.model;

/** A series that a family cannot fit; the message becomes part of the fallback STATUS. */
public final class ModelFitException extends Exception {
    public ModelFitException(String message) {
        super(message);
    }

    public ModelFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
