package io.tlsviz.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The lessons that loaded, by id and language, and every problem met on the way. One bad file never stops
 * the others: it is left out and its problems are listed.
 */
public final class LessonLibrary {
    /** The index of shipped lessons (ids in picker order, and their languages). */
    public static final String INDEX = "io/tlsviz/lessons/index.yaml";
    /** Where shipped lesson files live: {@code io/tlsviz/lessons/ID.LANG.yaml}. */
    public static final String FOLDER = "io/tlsviz/lessons/";
    /** The language translations are compared with, and the fallback when a language is missing. */
    public static final String REFERENCE_LANGUAGE = "en";
    /** The languages a lesson can be in: those the app speaks (its message bundles), reference first. */
    public static final List<String> LANGUAGES = List.of(REFERENCE_LANGUAGE, "de");

    /** A file a folder held that is not a lesson and was not checked as one, and why. */
    public record Skipped(String file, String reason) {
    }

    private static final Pattern LESSON_FILE = Pattern.compile("(.+)\\.([a-z]{2})\\.ya?ml");

    private final Map<String, Map<String, Lesson>> lessons;
    private final List<Problem> problems;
    private final List<String> files;
    private final List<Skipped> skipped;

    private LessonLibrary(Map<String, Map<String, Lesson>> lessons, List<Problem> problems, List<String> files,
            List<Skipped> skipped) {
        this.lessons = lessons;
        this.problems = List.copyOf(problems);
        this.files = List.copyOf(files);
        this.skipped = List.copyOf(skipped);
    }

    /** The lessons shipped with tlsviz, checked against live traces of their scenarios. */
    public static LessonLibrary loadShipped() {
        return loadShipped(LessonLoader.againstLiveTraces());
    }

    /**
     * The lessons shipped with tlsviz. A missing lesson file is a problem ("Resource not found: ..."); a
     * missing index is a broken build and throws.
     */
    public static LessonLibrary loadShipped(LessonLoader loader) {
        Index index = Index.read();
        List<LessonLoader.Parsed> parsed = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        for (String id : index.ids()) {
            for (String language : index.languages()) {
                String path = FOLDER + id + "." + language + ".yaml";
                Optional<String> text = Resources.find(path);
                if (text.isEmpty()) {
                    missing.add(new Problem(path, 0, "Resource not found: " + path));
                    continue;
                }
                LessonLoader.Parsed p = loader.parse(path, text.get());
                p.result().lesson().filter(l -> !l.id().equals(id)).ifPresent(l -> missing.add(
                        new Problem(path, 1, "id '" + l.id() + "' does not match the file name, which says '" + id + "'")));
                parsed.add(p);
            }
        }
        return assemble(parsed, missing, List.of());
    }

    /**
     * Lessons from disk. A folder: every {@code *.yaml} / {@code *.yml} in it (not in subfolders), except
     * an index of lessons like the shipped {@code index.yaml}, which is {@linkplain #skipped() skipped}. A file:
     * that file and its other languages beside it ({@code mine.de.yaml} brings {@code mine.en.yaml}), so
     * the translations are checked together.
     */
    public static LessonLibrary load(Path path) {
        return load(path, LessonLoader.againstLiveTraces());
    }

    public static LessonLibrary load(Path path, LessonLoader loader) {
        List<Path> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.list(path)) {
                    s.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(f))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(path);
                files.addAll(siblings(path));
            }
        } catch (IOException e) {
            problems.add(new Problem(path.toString(), 0, "cannot read: " + e.getMessage()));
        }
        List<Skipped> skipped = new ArrayList<>();
        for (Path f : List.copyOf(files)) {
            if (isIndex(f)) {
                files.remove(f);
                skipped.add(new Skipped(f.toString(), "an index of lessons like the shipped " + INDEX_NAME
                        + " (the picker's order), not a lesson"));
            }
        }
        Set<String> shippedIds = Set.copyOf(Index.read().ids());
        List<LessonLoader.Parsed> parsed = files.stream().map(f -> notShippedId(f, loader.parse(f), shippedIds)).toList();
        return assemble(parsed, problems, skipped);
    }

    private static final String INDEX_NAME = INDEX.substring(INDEX.lastIndexOf('/') + 1);

    /**
     * Whether a file is an index of lessons as tlsviz ships one ({@code index.yaml}: a mapping of exactly the
     * lists {@code languages} and {@code lessons}), not a lesson: checking the shipped lessons' folder must
     * not report the index as a broken lesson.
     */
    private static boolean isIndex(Path file) {
        if (!file.getFileName().toString().equals(INDEX_NAME)) {
            return false;
        }
        try {
            if (Files.size(file) > LessonLoader.MAX_BYTES) {
                return false;
            }
            Object root = new Yaml().load(Files.readString(file));
            return root instanceof Map<?, ?> map && map.keySet().equals(Set.of("languages", "lessons"))
                    && Index.of(root).isPresent();
        } catch (IOException | RuntimeException e) {
            return false; // then it is read as a lesson, and its problems say what is wrong with it
        }
    }

    /**
     * A lesson read from disk must not take a shipped lesson's id, or opening it in the window would silently
     * put it in the shipped lesson's place in the picker (and "the last lesson" would mean the one or the
     * other). A file that is the shipped lesson itself, unchanged, is fine.
     */
    private static LessonLoader.Parsed notShippedId(Path file, LessonLoader.Parsed parsed, Set<String> shippedIds) {
        Optional<Lesson> lesson = parsed.result().lesson();
        if (lesson.isEmpty() || !shippedIds.contains(lesson.get().id())) {
            return parsed;
        }
        String id = lesson.get().id();
        Optional<String> shipped = Resources.find(FOLDER + id + "." + lesson.get().language() + ".yaml");
        try {
            if (shipped.isPresent() && sameText(shipped.get(), Files.readString(file))) {
                return parsed;
            }
        } catch (IOException e) {
            // it was just read; if it cannot be read again, it is not known to be the shipped file
        }
        return parsed.withProblem(new Problem(file.toString(), parsed.idLine(), "id '" + id + "' belongs to a lesson "
                + "shipped with tlsviz: give this lesson its own id (e.g. 'my-" + id + "', the same in every language), "
                + "or opening it would replace the shipped '" + id + "' in the lesson picker"));
    }

    /** Equal text, whatever the line endings or a byte-order mark (a checkout on Windows, an editor's save). */
    private static boolean sameText(String a, String b) {
        return normalised(a).equals(normalised(b));
    }

    private static String normalised(String text) {
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
    }

    /** The other language files of the same lesson in the same folder: {@code base.LL.yaml}. */
    private static List<Path> siblings(Path file) throws IOException {
        Matcher m = LESSON_FILE.matcher(file.getFileName().toString());
        Path dir = file.toAbsolutePath().getParent();
        if (!m.matches() || dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        String base = m.group(1);
        String own = file.getFileName().toString();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(Path::getFileName).map(Path::toString).sorted()
                    .filter(name -> !name.equals(own))
                    .filter(name -> {
                        Matcher n = LESSON_FILE.matcher(name);
                        return n.matches() && n.group(1).equals(base);
                    })
                    .forEach(name -> out.add(file.resolveSibling(name)));
        }
        return out;
    }

    /** Groups good lessons by id, checks translations against the reference language, collects problems. */
    private static LessonLibrary assemble(List<LessonLoader.Parsed> parsed, List<Problem> earlier,
            List<Skipped> skipped) {
        List<Problem> problems = new ArrayList<>(earlier);
        Map<String, Map<String, LessonLoader.Parsed>> byId = new LinkedHashMap<>();
        for (LessonLoader.Parsed p : parsed) {
            problems.addAll(p.result().problems());
            p.result().lesson().ifPresent(lesson -> {
                Map<String, LessonLoader.Parsed> languages = byId.computeIfAbsent(lesson.id(), k -> new LinkedHashMap<>());
                LessonLoader.Parsed first = languages.get(lesson.language());
                if (first != null) {
                    problems.add(new Problem(lesson.source(), 1, "lesson '" + lesson.id() + "' in language '"
                            + lesson.language() + "' is already in " + first.result().file()));
                } else {
                    languages.put(lesson.language(), p);
                }
            });
        }
        Map<String, Map<String, Lesson>> lessons = new LinkedHashMap<>();
        for (var entry : byId.entrySet()) {
            Map<String, LessonLoader.Parsed> languages = entry.getValue();
            String refLanguage = languages.containsKey(REFERENCE_LANGUAGE) ? REFERENCE_LANGUAGE
                    : languages.keySet().iterator().next();
            Lesson reference = languages.get(refLanguage).result().lesson().orElseThrow();
            Map<String, Lesson> good = new TreeMap<>(LessonLibrary::languageOrder);
            for (var lang : languages.entrySet()) {
                LessonLoader.Parsed p = lang.getValue();
                Lesson lesson = p.result().lesson().orElseThrow();
                List<Problem> differences = lesson == reference ? List.of()
                        : Translations.compare(reference, lesson, p.scenarioLine(), p.lastLine());
                problems.addAll(differences);
                if (differences.isEmpty()) {
                    good.put(lang.getKey(), lesson);
                }
            }
            lessons.put(entry.getKey(), Collections.unmodifiableMap(good));
        }
        problems.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new LessonLibrary(Collections.unmodifiableMap(lessons), problems,
                parsed.stream().map(p -> p.result().file()).toList(), skipped);
    }

    private static int languageOrder(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(REFERENCE_LANGUAGE)) {
            return -1;
        }
        return b.equals(REFERENCE_LANGUAGE) ? 1 : a.compareTo(b);
    }

    /** Ids of the lessons that loaded in at least one language, in index (or file) order. */
    public List<String> ids() {
        return List.copyOf(lessons.keySet());
    }

    /** The languages a lesson loaded in, English first. */
    public Set<String> languages(String id) {
        return lessons.getOrDefault(id, Map.of()).keySet();
    }

    /** A lesson in exactly this language. */
    public Optional<Lesson> lesson(String id, String language) {
        return Optional.ofNullable(lessons.getOrDefault(id, Map.of()).get(language));
    }

    /** A lesson in this language if it has it, else in English, else in any language it has. */
    public Optional<Lesson> find(String id, String language) {
        Map<String, Lesson> byLanguage = lessons.getOrDefault(id, Map.of());
        if (byLanguage.containsKey(language)) {
            return Optional.of(byLanguage.get(language));
        }
        if (byLanguage.containsKey(REFERENCE_LANGUAGE)) {
            return Optional.of(byLanguage.get(REFERENCE_LANGUAGE));
        }
        return byLanguage.values().stream().findFirst();
    }

    /** One lesson per id for a picker in this language (falling back as {@link #find} does). */
    public List<Lesson> lessons(String language) {
        return lessons.keySet().stream().flatMap(id -> find(id, language).stream()).toList();
    }

    /** Every problem, sorted by file and line; empty when everything loaded. */
    public List<Problem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The lesson files read, in the order they were read (a folder's in name order). */
    public List<String> files() {
        return files;
    }

    /** Files that were not read as lessons, such as an index of lessons in a folder. */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** The index of shipped lessons. */
    record Index(List<String> ids, List<String> languages) {
        static Index read() {
            return of(new Yaml().load(Resources.read(INDEX))).orElseThrow(
                    () -> new IllegalStateException(INDEX + " must have 'lessons' and 'languages' lists"));
        }

        /** An index from parsed YAML: a mapping with the lists 'lessons' and 'languages'; empty for anything else. */
        @SuppressWarnings("unchecked")
        static Optional<Index> of(Object root) {
            if (!(root instanceof Map<?, ?> map) || !(map.get("lessons") instanceof List<?> ids)
                    || !(map.get("languages") instanceof List<?> languages)) {
                return Optional.empty();
            }
            return Optional.of(new Index((List<String>) ids, (List<String>) languages));
        }
    }
}
