package dev.protodec.reports.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An input file that cannot be used. One factory per kind of problem; each message starts with the
 * file and says what to do where there is something to do.
 */
public final class ReportInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The file is missing, unreadable or a directory. */
    public static ReportInputException unreadable(Path file, IOException cause) {
        String problem;
        if (cause instanceof NoSuchFileException) {
            problem = "no such file";
        } else if (cause instanceof AccessDeniedException) {
            problem = "permission denied";
        } else {
            problem = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return new ReportInputException(file + ": cannot read: " + problem, cause);
    }

    /** The file is a directory, not a file. */
    public static ReportInputException notAFile(Path file) {
        return new ReportInputException(file + ": cannot read: is a directory, expected a file", null);
    }

    /** The file is not valid JSON, for example cut short because JMH was killed while writing it. */
    public static ReportInputException malformedJson(Path file, JsonProcessingException cause) {
        JsonLocation where = cause.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return new ReportInputException(file + ": not valid JSON" + at + ": " + cause.getOriginalMessage()
                + " (is it complete? JMH writes the file only when the run ends)", cause);
    }

    /** Valid JSON, but not the array of results that JMH's {@code -rf json} writes. */
    public static ReportInputException notJmhResults(Path file, String found) {
        return new ReportInputException(file + ": not JMH JSON results: expected an array of benchmark objects"
                + " (as written by -rf json), found " + found, null);
    }

    /** An empty array: JMH ran nothing, or every benchmark failed. */
    public static ReportInputException noResults(Path file) {
        return new ReportInputException(file + ": contains no benchmark results (did every benchmark fail?)", null);
    }

    /** One entry lacks a field the report needs, or has a value of the wrong kind. */
    public static ReportInputException badEntry(Path file, int index, String benchmark, String problem) {
        String which = benchmark == null ? "entry " + index : "entry " + index + " (" + benchmark + ")";
        return new ReportInputException(file + ": " + which + ": " + problem, null);
    }
}
