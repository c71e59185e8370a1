package io.tlsviz.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsviz.lessons.Lesson;
import io.tlsviz.lessons.LessonLibrary;
import io.tlsviz.lessons.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tlsviz lessons --list [--json]} lists the shipped lessons; {@code tlsviz lessons --validate FILE...}
 * checks a teacher's lesson files (and their other languages beside them) or folders like a compiler: one
 * summary line per good file and one line per file skipped as not a lesson (a folder's index) on stdout,
 * every {@code file:line: problem} on stderr; exit 0 when there is no problem, else 2.
 */
@Command(
        name = "lessons",
        description = "Lists the shipped lessons, or validates lesson files (see lessons/README.md).")
public final class LessonsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--list", required = true, description = "List the shipped lessons.")
        boolean list;

        @Option(names = "--validate", required = true, arity = "1..*", paramLabel = "FILE",
                description = "Check lesson files or folders; a file brings its other languages (NAME.LL.yaml) along.")
        List<Path> validate;
    }

    @Option(names = "--json", description = "With --list: print a JSON array of {id, title, scenario, languages, beats}.")
    boolean json;

    @Option(names = "--language", paramLabel = "LL", defaultValue = "en",
            description = "With --list: the language of the titles (default: ${DEFAULT-VALUE}).")
    String language;

    @Override
    public Integer call() {
        if (mode.list) {
            return list();
        }
        if (json) {
            throw new ParameterException(spec.commandLine(), "--json goes with --list");
        }
        return validate(mode.validate);
    }

    private int list() {
        LessonLibrary library = LessonLibrary.loadShipped();
        java.util.SortedSet<String> languages = new java.util.TreeSet<>();
        library.ids().forEach(id -> languages.addAll(library.languages(id)));
        if (!languages.contains(language)) {
            throw new ParameterException(spec.commandLine(), "the lessons are in " + String.join(" and ", languages)
                    + ", not '" + language + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Lesson lesson : library.lessons(language)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", lesson.id());
                row.put("title", lesson.title());
                row.put("scenario", lesson.scenario().exchange().id());
                row.put("languages", List.copyOf(library.languages(lesson.id())));
                row.put("beats", lesson.beats().size());
                rows.add(row);
            }
            try {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
            }
        } else {
            for (Lesson lesson : library.lessons(language)) {
                out.println(String.format("%-16s %-6s %-6s %2d beats  %s", lesson.id(), lesson.scenario().exchange().id(),
                        String.join(",", library.languages(lesson.id())), lesson.beats().size(), lesson.title()));
            }
        }
        out.flush();
        return report(library.problems());
    }

    private int validate(List<Path> paths) {
        PrintWriter out = spec.commandLine().getOut();
        Set<Problem> problems = new LinkedHashSet<>();
        for (Path path : paths) {
            LessonLibrary library = LessonLibrary.load(path);
            library.skipped().forEach(s -> out.println(s.file() + ": skipped, " + s.reason()));
            boolean folder = Files.isDirectory(path);
            if (folder && library.files().isEmpty() && library.problems().isEmpty()) {
                // Nothing checked is not "ok": a teacher who names the wrong folder must hear it.
                problems.add(new Problem(path.toString(), 0, "no lesson files (NAME.LL.yaml) in this folder"));
                continue;
            }
            problems.addAll(library.problems());
            // A file brings its other languages along to compare them, but only what was named is reported ok;
            // a folder's files are each named by the folder.
            List<String> named = folder ? library.files()
                    : library.files().stream().filter(f -> f.equals(path.toString())).toList();
            for (String file : named) {
                if (library.problems().stream().noneMatch(p -> p.file().equals(file))) {
                    out.println(summary(file, library));
                }
            }
        }
        out.flush();
        return report(problems);
    }

    /** One line per good file: what it holds. */
    private static String summary(String file, LessonLibrary library) {
        List<Lesson> lessons = new ArrayList<>();
        for (String id : library.ids()) {
            for (String lang : library.languages(id)) {
                library.lesson(id, lang).ifPresent(lessons::add);
            }
        }
        return lessons.stream().filter(l -> l.source().equals(file)).findFirst()
                .map(l -> file + ": ok, lesson '" + l.id() + "' (" + l.language() + "), " + l.beats().size()
                        + " beats, " + l.quizzes().size() + (l.quizzes().size() == 1 ? " quiz" : " quizzes"))
                .orElse(file + ": ok");
    }

    private int report(Iterable<Problem> problems) {
        PrintWriter err = spec.commandLine().getErr();
        boolean any = false;
        for (Problem p : problems) {
            err.println(p);
            any = true;
        }
        err.flush();
        return any ? 2 : 0;
    }
}
