package io.tlsviz.lessons;

import io.tlsviz.engine.Exchange;
import io.tlsviz.engine.Group;
import io.tlsviz.engine.Party;
import io.tlsviz.engine.ScenarioOptions;
import io.tlsviz.engine.crypto.CipherSuite;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one lesson file and checks everything in it, reporting each problem with its line
 * ({@code file:line: problem}) rather than stopping at the first. The YAML is read with SnakeYAML's node
 * API ({@code compose}) so that every value keeps its line.
 *
 * <p>Step and secret names are checked against the names of the lesson's scenario, given by a function
 * of the scenario's options: by default the names of a live trace of the scenario ({@link LiveNames}).
 */
public final class LessonLoader {
    static final List<String> LESSON_KEYS = List.of("id", "language", "title", "scenario", "summary", "order",
            "beats");
    /** The keys every lesson file must have (language and order are optional). */
    private static final String REQUIRED_KEYS = "id, title, summary, scenario and beats";
    /**
     * The largest lesson file, in bytes: SnakeYAML's own limit in code points (which are never more than the
     * bytes), so a file within it is never refused by the parser. The shipped lessons are about 10 kB.
     */
    static final int MAX_BYTES = new LoaderOptions().getCodePointLimit();
    /** {@code key: text: more} on one line: an unquoted value with a colon and a space in it. */
    private static final Pattern COLON_IN_VALUE = Pattern.compile("\\s*(?:- )?([A-Za-z_][A-Za-z0-9_-]*):[ \\t]+(.*?)\\s*");
    static final List<String> SCENARIO_KEYS = List.of("exchange", "suite", "group", "ems", "middlebox", "seed");
    static final List<String> BEAT_KEYS =
            List.of("step", "title", "narration", "highlight", "quiz", "warmup", "attack");
    static final List<String> WARMUP_KEYS = List.of("p", "g", "a", "b");
    static final List<String> ATTACK_KEYS = List.of("recorded", "uses", "recovers", "decrypts", "recording");
    private static final List<String> QUIZ_KINDS = List.of("multiple_choice", "next_message", "who_knows");
    static final List<String> QUIZ_KEYS = List.of("kind", "question", "options", "secret", "answer", "explanation");
    /** A line of text that starts like a mapping key ({@code highlight: [x]}, {@code - step: y}). */
    private static final Pattern KEY_LIKE_LINE = Pattern.compile("(- )?([a-z_]+):(\\s.*)?");

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern FILE_LANGUAGE = Pattern.compile(".*\\.([a-z]{2})\\.ya?ml");
    private static final Pattern FIELD_PATH = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");

    private final Function<ScenarioOptions, ScenarioNames> names;

    /** A loader that checks names with {@code names(scenario)}, e.g. from a live trace of the scenario. */
    public LessonLoader(Function<ScenarioOptions, ScenarioNames> names) {
        this.names = names;
    }

    /**
     * A loader that checks everything but what needs a live handshake (step and secret names, quiz answers,
     * field paths): for the shipped lessons at the app's start, which the build has already checked against
     * live handshakes ({@code ShippedLessonsTest}, {@code QuizTruthTest}), so the window need not run six
     * handshakes before its first frame. A teacher's own file is always checked live.
     */
    public static LessonLoader withoutNameChecks() {
        return new LessonLoader(options -> null);
    }

    /**
     * A loader that checks names, quiz answers and field paths against a live handshake of each lesson's
     * scenario ({@link LiveNames}): one handshake per scenario, however many files and quizzes.
     */
    public static LessonLoader againstLiveTraces() {
        return new LessonLoader(LiveNames::forScenario);
    }

    /**
     * One file's outcome: the lesson when the file has no problem, else its problems (the lesson is then
     * left out, so a half-valid lesson never reaches a classroom).
     */
    public record Result(String file, Optional<Lesson> lesson, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A result with the lines the translation check and the library's checks need. */
    record Parsed(Result result, int idLine, int scenarioLine, int lastLine) {
        /** The same file with one more problem, and so without its lesson. */
        Parsed withProblem(Problem problem) {
            List<Problem> all = new ArrayList<>(result.problems());
            all.add(problem);
            all.sort(java.util.Comparator.comparingInt(Problem::line));
            return new Parsed(new Result(result.file(), Optional.empty(), all), idLine, scenarioLine, lastLine);
        }
    }

    /** Reads and checks a lesson file from disk; a file that cannot be read is one problem. */
    public Result load(Path path) {
        return parse(path).result();
    }

    /** Checks lesson text; {@code file} is the name problems carry, and gives the language when it ends in .LL.yaml. */
    public Result load(String file, String text) {
        return parse(file, text).result();
    }

    Parsed parse(Path path) {
        String file = path.toString();
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return failed(file, tooLarge(size)); // not read at all: it may be a video chosen by mistake
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            return failed(file, "not UTF-8 text: save the lesson as UTF-8");
        } catch (IOException e) {
            return failed(file, "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        return parse(file, text);
    }

    private static Parsed failed(String file, String message) {
        return new Parsed(new Result(file, Optional.empty(), List.of(new Problem(file, 0, message))), 0, 0, 0);
    }

    Parsed parse(String file, String text) {
        // Each char is at most 3 bytes of UTF-8, so only a long text needs counting.
        if (text.length() > MAX_BYTES / 3) {
            long size = text.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_BYTES) {
                return failed(file, tooLarge(size));
            }
        }
        return new FileReader(file, text).read();
    }

    private static String tooLarge(long bytes) {
        return "too large for a lesson: " + megabytes(bytes) + " (a lesson file is text of at most "
                + megabytes(MAX_BYTES) + "); is this the right file?";
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? (long) mb + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", mb);
    }

    /** The state of reading one file: its text for line lookups and the problems found so far. */
    private final class FileReader {
        private final String file;
        private final String[] lines;
        private final String text;
        private final List<Problem> problems = new ArrayList<>();
        private String scenarioLabel = "";
        private ScenarioNames scenarioNames;

        FileReader(String file, String text) {
            this.file = file;
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.lines = this.text.split("\n", -1);
        }

        Parsed read() {
            Node root;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(true); // reported with both lines below
                root = new Yaml(options).compose(new StringReader(text));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
                int at = mark == null ? 0 : mark.getLine() + 1;
                String quotes = at > 0 && at <= lines.length && what != null
                        && what.contains("mapping values are not allowed") ? quoteHint(lines[at - 1]) : null;
                problem(at, "malformed YAML: " + (quotes != null ? quotes : what + hint(what)));
                return done(null, 0, 0);
            } catch (YAMLException e) {
                problem(0, "malformed YAML: " + e.getMessage());
                return done(null, 0, 0);
            }
            if (root == null) {
                problem(1, "empty file: a lesson needs " + REQUIRED_KEYS);
                return done(null, 0, 0);
            }
            if (!(root instanceof MappingNode mapping)) {
                problem(line(root), "a lesson file is a mapping with the keys " + REQUIRED_KEYS
                        + " (language and order are optional)");
                return done(null, 0, 0);
            }
            Keys lesson = new Keys(mapping, "the lesson", LESSON_KEYS);
            String id = lesson.text("id", true);
            if (id != null && !ID.matcher(id).matches()) {
                problem(line(lesson.get("id")), "id '" + id + "' must be lowercase letters, digits and dashes");
            }
            String language = language(lesson);
            String title = lesson.text("title", true);
            String summary = lesson.text("summary", true);
            Node scenarioNode = lesson.require("scenario");
            ScenarioOptions scenario = scenarioNode == null ? null : scenario(scenarioNode);
            if (scenario != null) {
                scenarioNames = names.apply(scenario);
                // Names depend on the suite too (a CBC key block has MAC keys and no write IVs): name a chosen one.
                scenarioLabel = "the " + scenario.exchange().id() + " scenario"
                        + (scenario.cipherSuite() == ScenarioOptions.defaults(scenario.exchange()).cipherSuite() ? ""
                                : " with " + scenario.cipherSuite().ianaName());
            }
            String order = lesson.text("order", false);
            if (order != null && !order.equals("handshake") && !order.equals("story")) {
                problem(line(lesson.get("order")), "order '" + order + "' must be handshake (the default: beats "
                        + "follow the handshake) or story (beats may go back to earlier steps)");
            }
            storyOrder = "story".equals(order);
            List<Beat> beats = beats(lesson.require("beats"));
            Lesson result = null;
            if (problems.isEmpty()) {
                result = new Lesson(id, language, title, scenario, summary, beats, file);
            }
            return done(result, lesson.keyLine("id"), lesson.keyLine("scenario"));
        }

        private Parsed done(Lesson lesson, int idLine, int scenarioLine) {
            problems.sort(java.util.Comparator.comparingInt(Problem::line));
            return new Parsed(new Result(file, Optional.ofNullable(lesson), problems), idLine, scenarioLine,
                    lines.length);
        }

        private String language(Keys lesson) {
            Matcher m = FILE_LANGUAGE.matcher(Path.of(file).getFileName().toString());
            String fromName = m.matches() ? m.group(1) : null;
            String written = lesson.text("language", false);
            if (written == null) {
                if (fromName == null && lesson.get("language") == null) {
                    problem(1, "cannot tell the language: name the file "
                            + LessonLibrary.LANGUAGES.stream().map(l -> "ID." + l + ".yaml")
                                    .collect(java.util.stream.Collectors.joining(" or "))
                            + ", or add 'language: " + LessonLibrary.REFERENCE_LANGUAGE + "'");
                } else if (fromName != null && !LessonLibrary.LANGUAGES.contains(fromName)) {
                    problem(1, unsupported(fromName) + " (the file name says '" + fromName + "')");
                }
                return fromName;
            }
            if (!LANGUAGE.matcher(written).matches()) {
                problem(line(lesson.get("language")), "language '" + written + "' must be a two-letter code such as en or de");
            } else if (fromName != null && !fromName.equals(written)) {
                problem(line(lesson.get("language")), "language '" + written + "' does not match the file name, which says '"
                        + fromName + "'");
            } else if (!LessonLibrary.LANGUAGES.contains(written)) {
                problem(line(lesson.get("language")), unsupported(written));
            }
            return written;
        }

        private ScenarioOptions scenario(Node node) {
            if (!(node instanceof MappingNode mapping)) {
                problem(line(node), "scenario must be a mapping with at least 'exchange', e.g. scenario: {exchange: rsa}");
                return null;
            }
            Keys keys = new Keys(mapping, "the scenario", SCENARIO_KEYS);
            String exchangeId = keys.text("exchange", true);
            if (exchangeId == null) {
                return null;
            }
            Exchange exchange;
            try {
                exchange = Exchange.fromId(exchangeId);
            } catch (IllegalArgumentException e) {
                problem(line(keys.get("exchange")), e.getMessage());
                return null;
            }
            ScenarioOptions o = ScenarioOptions.defaults(exchange);
            int before = problems.size();
            String suite = keys.text("suite", false);
            String group = keys.text("group", false);
            Boolean ems = keys.bool("ems");
            Boolean middlebox = keys.bool("middlebox");
            Node seedNode = keys.get("seed");
            CipherSuite s = o.cipherSuite();
            Group g = o.group();
            if (suite != null) {
                try {
                    s = CipherSuite.fromName(suite);
                } catch (IllegalArgumentException e) {
                    problem(line(keys.get("suite")), "unknown cipher suite '" + suite + "'");
                }
            }
            if (group != null) {
                try {
                    g = Group.fromId(group);
                } catch (IllegalArgumentException e) {
                    problem(line(keys.get("group")), e.getMessage());
                }
            }
            if (ems != null && exchange.isTls13()) {
                problem(line(keys.get("ems")), "ems (extended master secret) is a TLS 1.2 option; TLS 1.3 always binds the transcript");
            }
            if (middlebox != null && !exchange.isTls13()) {
                problem(line(keys.get("middlebox")), "middlebox is a TLS 1.3 option");
            }
            Long seed = ScenarioOptions.DEFAULT_SEED;
            if (seedNode != null) {
                String v = scalar(seedNode, "seed");
                if ("fresh".equals(v)) {
                    seed = null;
                } else if (v != null) {
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        problem(line(seedNode), "seed must be a whole number or 'fresh', not '" + v + "'");
                    }
                }
            }
            if (problems.size() > before) {
                return null;
            }
            try {
                return new ScenarioOptions(exchange, s, g, ems != null && ems, false, middlebox != null && middlebox,
                        seed);
            } catch (IllegalArgumentException e) {
                Node where = suite != null ? keys.get("suite") : group != null ? keys.get("group") : node;
                problem(line(where), e.getMessage());
                return null;
            }
        }

        private List<Beat> beats(Node node) {
            List<Beat> beats = new ArrayList<>();
            if (node == null) {
                return beats;
            }
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(line(node), "beats must be a list with at least one beat (- step: client_hello ...)");
                return beats;
            }
            beatsColumn = seq.getStartMark().getColumn();
            int n = 0;
            String previous = null;
            for (Node item : seq.getValue()) {
                n++;
                Beat beat = beat(item, n);
                if (beat != null) {
                    checkOrder(item, previous, beat.step());
                    previous = beat.step();
                    beats.add(beat);
                }
            }
            return beats;
        }

        private boolean storyOrder;
        /** The column of the dashes of the beats list, for the hint at a beat folded into text. */
        private int beatsColumn;

        /** Beats follow the handshake (Next never jumps back to an earlier step) unless the lesson says order: story. */
        private void checkOrder(Node where, String previous, String step) {
            if (storyOrder || scenarioNames == null || previous == null || step == null) {
                return;
            }
            int before = scenarioNames.steps().indexOf(previous);
            int now = scenarioNames.steps().indexOf(step);
            if (before >= 0 && now >= 0 && now < before) {
                problem(line(where), "beat on step '" + step + "' comes after a beat on '" + previous
                        + "', but the handshake reaches '" + step + "' first: put the beats in handshake order");
            }
        }

        private Beat beat(Node node, int n) {
            String what = "beat " + n;
            if (!(node instanceof MappingNode mapping)) {
                problem(line(node), what + " must be a mapping with step, title and narration");
                return null;
            }
            Keys keys = new Keys(mapping, what, BEAT_KEYS);
            String step = keys.text("step", true);
            // The step whose facts the quiz and the highlights are checked against: none when it is unknown.
            String knownStep = step != null && checkStep(keys.get("step"), step, "step") ? step : null;
            String title = keys.text("title", true);
            String narration = keys.text("narration", true);
            Optional<Warmup> warmup = keys.get("warmup") == null ? Optional.empty()
                    : Optional.ofNullable(warmup(keys.get("warmup"), what));
            boolean hasWarmup = keys.get("warmup") != null;
            int beatColumn = mapping.getStartMark().getColumn();
            if (title != null) {
                checkPlaceholders(keys.get("title"), title, hasWarmup);
                checkKeysInText(keys.get("title"), "the title of " + what, beatColumn, beatColumn + 2);
            }
            if (narration != null) {
                checkPlaceholders(keys.get("narration"), narration, hasWarmup);
                checkKeysInText(keys.get("narration"), "the narration of " + what, beatColumn, beatColumn + 2);
            }
            List<String> highlight = keys.strings("highlight");
            Node highlightNode = keys.get("highlight");
            if (highlightNode instanceof SequenceNode hs) {
                for (Node h : hs.getValue()) {
                    if (h instanceof ScalarNode sc) {
                        checkHighlight(sc, knownStep);
                    }
                }
            }
            Optional<Quiz> quiz = keys.get("quiz") == null ? Optional.empty()
                    : Optional.ofNullable(quiz(keys.get("quiz"), "the quiz of " + what, hasWarmup, knownStep,
                            beatColumn));
            Optional<Attack> attack = keys.get("attack") == null ? Optional.empty()
                    : Optional.ofNullable(attack(keys.get("attack"), "the attack of " + what));
            return new Beat(step, title, narration == null ? null : narration.strip(), highlight, quiz, warmup, attack,
                    line(node));
        }

        /** A secret name, or a field path of the message at the beat's {@code step} (null: unknown step). */
        private void checkHighlight(ScalarNode h, String step) {
            String v = h.getValue().strip();
            if (v.contains(".")) {
                if (!FIELD_PATH.matcher(v).matches()) {
                    problem(line(h), "highlight '" + v + "' is not a field path (lowercase words joined by dots, "
                            + "e.g. record.handshake.client_hello.random)");
                } else {
                    checkFieldPath(h, step, v);
                }
            } else {
                checkSecret(h, v, "secret");
            }
        }

        /** A beat's quiz; {@code step} is the beat's step, or null when it is unknown (then answers are not checked). */
        private Quiz quiz(Node node, String what, boolean hasWarmup, String step, int beatColumn) {
            if (!(node instanceof MappingNode mapping)) {
                problem(line(node), what + " must be a mapping with kind, question, answer and explanation");
                return null;
            }
            Node kindNode = null;
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && "kind".equals(k.getValue())) {
                    kindNode = t.getValueNode();
                }
            }
            String kind = kindNode == null ? null : scalar(kindNode, "kind");
            List<String> allowed = new ArrayList<>(List.of("kind", "question", "explanation", "answer"));
            if ("who_knows".equals(kind)) {
                allowed.add("secret");
            } else {
                allowed.add("options");
            }
            Keys keys = new Keys(mapping, what, allowed);
            keys.require("kind");
            String question = keys.text("question", true);
            String explanation = keys.text("explanation", true);
            int quizColumn = mapping.getValue().isEmpty() ? beatColumn + 2 : mapping.getStartMark().getColumn();
            if (question != null) {
                checkPlaceholders(keys.get("question"), question, hasWarmup);
                checkKeysInText(keys.get("question"), "the question of " + what, beatColumn, quizColumn);
            }
            if (explanation != null) {
                checkPlaceholders(keys.get("explanation"), explanation, hasWarmup);
                checkKeysInText(keys.get("explanation"), "the explanation of " + what, beatColumn, quizColumn);
            }
            if (kind == null) {
                return null;
            }
            if (!QUIZ_KINDS.contains(kind)) {
                problem(line(kindNode), "unknown quiz kind '" + kind + "' (expected multiple_choice, next_message or who_knows)"
                        + suggest(kind, QUIZ_KINDS));
                return null;
            }
            Node answer = keys.require("answer");
            return switch (kind) {
                case "multiple_choice" -> multipleChoice(keys, answer, question, explanation, hasWarmup);
                case "next_message" -> nextMessage(keys, answer, question, explanation, step);
                default -> whoKnows(keys, answer, question, explanation, step);
            };
        }

        private Quiz multipleChoice(Keys keys, Node answer, String question, String explanation, boolean hasWarmup) {
            List<String> options = keys.strings("options");
            Node optionsNode = keys.require("options");
            if (optionsNode instanceof SequenceNode seq) {
                if (options.size() < 2) {
                    problem(line(optionsNode), "a multiple-choice quiz needs at least two options");
                }
                for (Node o : seq.getValue()) {
                    if (o instanceof ScalarNode sc) {
                        checkPlaceholders(sc, sc.getValue(), hasWarmup);
                    }
                }
            }
            if (answer == null) {
                return null;
            }
            String a = scalar(answer, "answer");
            if (a == null) {
                return null;
            }
            int chosen;
            try {
                chosen = Integer.parseInt(a.strip());
            } catch (NumberFormatException e) {
                problem(line(answer), "quiz answer must be the number of the correct option (counting from 1), not '" + a + "'");
                return null;
            }
            if (optionsNode instanceof SequenceNode && (chosen < 1 || chosen > options.size())) {
                problem(line(answer), "quiz answer " + chosen + " is out of range: there are " + options.size()
                        + " options, counted from 1");
                return null;
            }
            return question == null || explanation == null ? null
                    : new Quiz.MultipleChoice(question, options, chosen - 1, explanation);
        }

        private Quiz nextMessage(Keys keys, Node answer, String question, String explanation, String step) {
            List<String> options = keys.strings("options");
            Node optionsNode = keys.get("options");
            if (optionsNode instanceof SequenceNode seq) {
                for (Node o : seq.getValue()) {
                    if (o instanceof ScalarNode sc) {
                        checkStep(sc, sc.getValue(), "step");
                    }
                }
            }
            String a = answer == null ? null : scalar(answer, "answer");
            if (a == null) {
                return null;
            }
            if (!checkStep(answer, a, "step")) {
                return null;
            }
            if (!options.isEmpty() && !options.contains(a)) {
                problem(line(answer), "quiz answer '" + a + "' is not one of the options");
                return null;
            }
            if (!checkNextMessage(answer, step, a)) {
                return null;
            }
            return question == null || explanation == null ? null
                    : new Quiz.NextMessage(question, options, a, explanation);
        }

        private Quiz whoKnows(Keys keys, Node answer, String question, String explanation, String step) {
            String secret = keys.text("secret", true);
            boolean knownSecret = secret != null && checkSecret(keys.get("secret"), secret, "secret");
            if (answer == null) {
                return null;
            }
            if (!(answer instanceof SequenceNode seq)) {
                problem(line(answer), "the answer of a who_knows quiz is a list of parties, e.g. [client, server]");
                return null;
            }
            Set<Party> parties = EnumSet.noneOf(Party.class);
            boolean ok = true;
            for (Node p : seq.getValue()) {
                String v = scalar(p, "party");
                try {
                    if (v != null && !parties.add(Party.fromId(v))) {
                        problem(line(p), "party '" + v + "' is listed twice");
                        ok = false;
                    }
                } catch (IllegalArgumentException e) {
                    problem(line(p), e.getMessage());
                    ok = false;
                }
            }
            if (ok && parties.isEmpty()) {
                problem(line(answer), "the answer of a who_knows quiz names at least one party");
                ok = false;
            }
            if (ok && knownSecret) {
                ok = checkWhoKnows(answer, step, secret, parties);
            }
            return !ok || secret == null || question == null || explanation == null ? null
                    : new Quiz.WhoKnows(question, secret, parties, explanation);
        }

        private Warmup warmup(Node node, String beat) {
            String what = "the warmup of " + beat;
            if (!(node instanceof MappingNode mapping)) {
                problem(line(node), "warmup must be a mapping such as {p: 23, g: 5, a: 6, b: 15}");
                return null;
            }
            Keys keys = new Keys(mapping, what, WARMUP_KEYS);
            BigInteger p = keys.integer("p");
            BigInteger g = keys.integer("g");
            BigInteger a = keys.integer("a");
            BigInteger b = keys.integer("b");
            if (p == null || g == null || a == null || b == null) {
                return null;
            }
            boolean ok = true;
            if (p.compareTo(BigInteger.valueOf(5)) < 0 || !p.isProbablePrime(64)) {
                problem(line(keys.get("p")), "warmup p = " + p + " must be a prime of at least 5");
                ok = false;
            }
            BigInteger top = p.subtract(BigInteger.TWO);
            if (g.compareTo(BigInteger.TWO) < 0 || g.compareTo(top) > 0) {
                problem(line(keys.get("g")), "warmup g = " + g + " must be between 2 and p - 2 = " + top);
                ok = false;
            }
            for (String k : List.of("a", "b")) {
                BigInteger x = k.equals("a") ? a : b;
                if (x.signum() <= 0 || x.compareTo(top) > 0) {
                    problem(line(keys.get(k)), "warmup " + k + " = " + x + " must be between 1 and p - 2 = " + top);
                    ok = false;
                }
            }
            return ok ? new Warmup(p, g, a, b) : null;
        }

        private Attack attack(Node node, String what) {
            if (!(node instanceof MappingNode mapping)) {
                problem(line(node), what + " must be a mapping with recorded, uses, recovers, decrypts and recording");
                return null;
            }
            Keys keys = new Keys(mapping, what, ATTACK_KEYS);
            keys.require("recorded");
            List<String> recorded = keys.strings("recorded");
            List<String> uses = keys.strings("uses");
            List<String> recovers = keys.strings("recovers");
            List<String> decrypts = keys.strings("decrypts");
            eachScalar(keys.get("recorded"), sc -> checkStep(sc, sc.getValue(), "step"));
            eachScalar(keys.get("uses"), sc -> checkSecret(sc, sc.getValue(), "secret"));
            eachScalar(keys.get("recovers"), sc -> checkSecret(sc, sc.getValue(), "secret"));
            eachScalar(keys.get("decrypts"), sc -> checkStep(sc, sc.getValue(), "step"));
            String recording = Attack.RSA;
            Node rec = keys.get("recording");
            if (rec != null) {
                String given = rec instanceof ScalarNode sc ? sc.getValue().trim() : "";
                if (!Attack.RECORDINGS.contains(given)) {
                    problem(line(rec), what + ": recording must be one of " + String.join(", ", Attack.RECORDINGS)
                            + ", not '" + given + "'");
                } else {
                    recording = given;
                }
                if (Attack.DHE.equals(given) && !(recovers.isEmpty() && decrypts.isEmpty())) {
                    problem(line(rec), what + ": the leaked key opens nothing in the DHE recording, so it recovers "
                            + "and decrypts nothing (leave out recovers and decrypts)");
                }
            }
            return new Attack(recorded, uses, recovers, decrypts, recording);
        }

        private void eachScalar(Node node, java.util.function.Consumer<ScalarNode> check) {
            if (node instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    if (n instanceof ScalarNode sc) {
                        check.accept(sc);
                    }
                }
            }
        }

        // --- name checks -------------------------------------------------------------------------

        private boolean checkStep(Node where, String step, String noun) {
            if (scenarioNames == null || scenarioNames.steps().contains(step)) {
                return true;
            }
            problem(line(where), "unknown " + noun + " '" + step + "' for " + scenarioLabel
                    + suggest(step, scenarioNames.steps()));
            return false;
        }

        private boolean checkSecret(Node where, String secret, String noun) {
            if (scenarioNames == null || scenarioNames.secrets().contains(secret)) {
                return true;
            }
            problem(line(where), "unknown " + noun + " '" + secret + "' for " + scenarioLabel
                    + suggest(secret, scenarioNames.secrets()));
            return false;
        }

        /** A highlighted field path names a field of the message at the beat's step, as the inspector shows it. */
        private void checkFieldPath(Node where, String step, String path) {
            if (step == null || scenarioNames == null || !scenarioNames.hasFacts()) {
                return;
            }
            Optional<Set<String>> paths = scenarioNames.fieldPaths(step);
            if (paths.isEmpty()) {
                problem(line(where), "highlight '" + path + "' is a field path, but step '" + step + "' is a "
                        + "computation, not a message: field paths name fields of the message a beat is on "
                        + "(value names have no dots)");
            } else if (!paths.get().contains(path)) {
                int depth = path.split("\\.").length;
                String hint = suggest(path, paths.get().stream().filter(p -> p.split("\\.").length == depth).toList());
                problem(line(where), "no field '" + path + "' in the " + step + " message"
                        + (hint.isEmpty() ? fieldsUnder(path, paths.get()) : hint));
            }
        }

        /**
         * A line of text that starts with a key of a beat or a quiz and a colon was most likely meant as a key,
         * indented so far that YAML took it into the text above (after {@code narration: |}, every line
         * indented at least as far as the first is text). Checked on the file's own lines, so a folded
         * ({@code >}) text is caught too.
         */
        private void checkKeysInText(Node text, String what, int beatColumn, int quizColumn) {
            if (!(text instanceof ScalarNode scalar)) {
                return;
            }
            String value = scalar.getValue();
            int last = Math.min(text.getEndMark().getLine(), lines.length - 1);
            for (int i = text.getStartMark().getLine() + 1; i <= last; i++) {
                String shown = lines[i].strip();
                Matcher m = KEY_LIKE_LINE.matcher(shown);
                if (shown.isEmpty() || !m.matches() || !value.contains(shown)) {
                    continue;
                }
                String key = m.group(2);
                boolean dash = m.group(1) != null;
                if (dash && key.equals("step")) {
                    problem(i + 1, "'" + shown + "' looks like a beat indented too far: YAML reads it as part of "
                            + what + ". Indent '- step:' like the other beats (" + spaces(beatsColumn)
                            + ") to start a beat");
                    return; // the lines after it are that beat's keys: one problem says it
                } else if (!dash && BEAT_KEYS.contains(key)) {
                    problem(i + 1, "'" + shown + "' looks like a key indented too far: YAML reads it as part of "
                            + what + ". Indent '" + key + ":' like the beat's other keys (" + spaces(beatColumn)
                            + ") to make it a key");
                } else if (!dash && QUIZ_KEYS.contains(key)) {
                    problem(i + 1, "'" + shown + "' looks like a key indented too far: YAML reads it as part of "
                            + what + ". Indent '" + key + ":' like the quiz's other keys (" + spaces(quizColumn)
                            + ") to make it a key");
                }
            }
        }

        // --- truth checks: quiz answers against the live handshake (decision 0007) ---------------------

        /** A next_message answer names the message really sent after the beat's step. */
        private boolean checkNextMessage(Node where, String step, String answer) {
            if (step == null || scenarioNames == null || !scenarioNames.hasFacts()) {
                return true;
            }
            Optional<String> next = scenarioNames.nextMessage(step);
            if (next.isEmpty()) {
                problem(line(where), "no message is sent after step '" + step + "' in this handshake, so a "
                        + "next_message quiz has no right answer here");
                return false;
            }
            if (!next.get().equals(answer)) {
                problem(line(where), "next_message answer '" + answer + "' is wrong: after step '" + step
                        + "' the next message sent is '" + next.get() + "'");
                return false;
            }
            return true;
        }

        /** A who_knows answer lists exactly the parties who know the value once the beat's step has happened. */
        private boolean checkWhoKnows(Node where, String step, String secret, Set<Party> answer) {
            if (step == null || scenarioNames == null || !scenarioNames.hasFacts()) {
                return true;
            }
            Set<Party> truth = scenarioNames.knownBy(secret, step);
            if (truth.equals(answer)) {
                return true;
            }
            if (truth.isEmpty()) {
                Optional<String> first = scenarioNames.firstStep(secret);
                problem(line(where), first.isPresent()
                        ? secret + " does not exist yet at step '" + step + "': it first appears at step '"
                                + first.get() + "' (known by " + parties(scenarioNames.knownBy(secret, first.get()))
                                + "), so ask about it at that step or later"
                        : "no step of this handshake shows " + secret + ", so no one can be said to know it");
                return false;
            }
            List<String> why = new ArrayList<>();
            for (Party p : answer) {
                if (!truth.contains(p)) {
                    Optional<String> later = scenarioNames.learnedAt(secret, p);
                    why.add(later.isPresent()
                            ? "the " + p.id() + " learns " + secret + " only at step '" + later.get() + "'"
                            : "the " + p.id() + " never learns " + secret + " in this handshake");
                }
            }
            for (Party p : truth) {
                if (!answer.contains(p)) {
                    why.add("the " + p.id() + " knows " + secret + " too, from step '"
                            + scenarioNames.learnedAt(secret, p).orElseThrow() + "'");
                }
            }
            problem(line(where), "who_knows answer [" + parties(answer) + "] is wrong: " + String.join("; ", why)
                    + "; at step '" + step + "' it is known by " + parties(truth));
            return false;
        }


        private void checkPlaceholders(Node node, String value, boolean hasWarmup) {
            for (int offset : Narration.malformedPlaceholders(value)) {
                String fragment = value.substring(offset, Math.min(value.length(), offset + 24)).split("\n")[0];
                problem(lineOf(node, fragment), "malformed placeholder starting '" + fragment
                        + "': write {{name}} or {{name|short}}");
            }
            Matcher m = Narration.PLACEHOLDER.matcher(value);
            while (m.find()) {
                String name = m.group(1);
                String format = m.group(2);
                int at = lineOf(node, m.group());
                if (name.startsWith("warmup.")) {
                    if (!Warmup.placeholderNames().contains(name)) {
                        problem(at, "unknown placeholder " + m.group() + suggest(name, Warmup.placeholderNames()));
                    } else if (!hasWarmup) {
                        problem(at, "placeholder " + m.group() + " needs a warmup in this beat");
                    } else if (format != null) {
                        problem(at, "placeholder " + m.group() + ": warm-up numbers take no format");
                    }
                    continue;
                }
                if (format != null && !Narration.FORMATS.contains(format)) {
                    problem(at, "unknown format '" + format + "' in " + m.group() + " (expected short, bytes or bits)");
                }
                if (scenarioNames != null && !scenarioNames.secrets().contains(name)) {
                    problem(at, "unknown placeholder " + m.group() + " for " + scenarioLabel
                            + suggest(name, scenarioNames.secrets()));
                }
            }
        }

        // --- helpers -----------------------------------------------------------------------------

        private void problem(int line, String message) {
            problems.add(new Problem(file, line, message));
        }

        private int line(Node node) {
            return node.getStartMark().getLine() + 1;
        }

        /** The first line of the node's source that contains {@code needle}, else the node's first line. */
        private int lineOf(Node node, String needle) {
            int first = node.getStartMark().getLine();
            int last = Math.min(node.getEndMark().getLine(), lines.length - 1);
            for (int i = first; i <= last; i++) {
                if (lines[i].contains(needle)) {
                    return i + 1;
                }
            }
            return first + 1;
        }

        private String scalar(Node node, String key) {
            if (node instanceof ScalarNode sc) {
                return sc.getValue();
            }
            problem(line(node), "'" + key + "' must be a single value, not a " + shape(node));
            return null;
        }

        /** A mapping's entries, with unknown and duplicate keys reported as they are read. */
        private final class Keys {
            private final MappingNode node;
            private final String what;
            private final Map<String, Node> values = new LinkedHashMap<>();
            private final Map<String, Integer> keyLines = new LinkedHashMap<>();

            Keys(MappingNode node, String what, List<String> allowed) {
                this.node = node;
                this.what = what;
                Map<String, Integer> seenAt = new LinkedHashMap<>();
                for (NodeTuple t : node.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode k)) {
                        problem(line(t.getKeyNode()), "keys in " + what + " must be plain words");
                        continue;
                    }
                    String key = k.getValue();
                    if (seenAt.containsKey(key)) {
                        problem(line(k), "duplicate key '" + key + "' in " + what + " (first at line " + seenAt.get(key) + ")");
                    } else if (!allowed.contains(key)) {
                        problem(line(k), "unknown key '" + key + "' in " + what + suggest(key, allowed));
                    } else {
                        values.put(key, t.getValueNode());
                        keyLines.put(key, line(k));
                    }
                    seenAt.putIfAbsent(key, line(k));
                }
            }

            Node get(String key) {
                return values.get(key);
            }

            /** The line of a key, or the mapping's first line when the key is absent. */
            int keyLine(String key) {
                return keyLines.getOrDefault(key, line(node));
            }

            Node require(String key) {
                Node n = values.get(key);
                if (n == null) {
                    problem(line(node), what + " is missing the required key '" + key + "'");
                }
                return n;
            }

            /** A non-empty text, or null (with a problem when required or malformed). */
            String text(String key, boolean required) {
                Node n = required ? require(key) : get(key);
                if (n == null) {
                    return null;
                }
                String v = scalar(n, key);
                if (v != null && v.isBlank()) {
                    problem(line(n), "'" + key + "' in " + what + " is empty");
                    return null;
                }
                return v;
            }

            Boolean bool(String key) {
                Node n = get(key);
                if (n == null) {
                    return null;
                }
                String v = scalar(n, key);
                if ("true".equals(v) || "false".equals(v)) {
                    return Boolean.valueOf(v);
                }
                if (v != null) {
                    problem(line(n), "'" + key + "' must be true or false, not '" + v + "'");
                }
                return null;
            }

            BigInteger integer(String key) {
                Node n = require(key);
                if (n == null) {
                    return null;
                }
                String v = scalar(n, key);
                if (v == null) {
                    return null;
                }
                try {
                    return new BigInteger(v.strip());
                } catch (NumberFormatException e) {
                    problem(line(n), "'" + key + "' in " + what + " must be a whole number, not '" + v + "'");
                    return null;
                }
            }

            /** A list of non-empty single values; absent means empty. */
            List<String> strings(String key) {
                Node n = get(key);
                List<String> out = new ArrayList<>();
                if (n == null) {
                    return out;
                }
                if (!(n instanceof SequenceNode seq)) {
                    problem(line(n), "'" + key + "' in " + what + " must be a list, e.g. [a, b]");
                    return out;
                }
                for (Node item : seq.getValue()) {
                    String v = scalar(item, key);
                    if (v != null && v.isBlank()) {
                        problem(line(item), "empty entry in '" + key + "' of " + what);
                    } else if (v != null) {
                        out.add(v.strip());
                    }
                }
                return out;
            }
        }
    }

    /**
     * For a line {@code key: text: more}: the value has a colon and a space, which YAML takes for another
     * key. Quotes make it text. Null when the line has another shape (then the indentation is the likelier cause).
     */
    static String quoteHint(String line) {
        Matcher m = COLON_IN_VALUE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String key = m.group(1);
        String value = m.group(2);
        if (value.isEmpty() || "\"'[{|>&*!%@`#".indexOf(value.charAt(0)) >= 0
                || !(value.contains(": ") || value.endsWith(":"))) {
            return null;
        }
        String quoted = value.contains("\"") || value.contains("\\") ? "'" + value.replace("'", "''") + "'"
                : "\"" + value + "\"";
        return "the value of '" + key + "' contains a colon and a space, which YAML reads as the start of another "
                + "key: put the value in quotes, " + key + ": " + quoted;
    }

    /** SnakeYAML's parser messages name tokens; most of them mean the indentation is off. */
    private static String hint(String problem) {
        return problem != null && (problem.contains("block") || problem.contains("mapping values are not allowed"))
                ? " (check the indentation of this line and the line above)" : "";
    }

    private static String unsupported(String language) {
        return "language '" + language + "' is not one tlsviz speaks: a lesson is in "
                + String.join(" or ", LessonLibrary.LANGUAGES) + ", the languages of the app";
    }

    private static String spaces(int n) {
        return n == 1 ? "1 space" : n + " spaces";
    }

    /**
     * {@code " (under 'a.b' it has: a.b.c, a.b.d)"}: the fields one level below the longest part of a wrong
     * path that exists, in byte order; empty when not even its first word exists.
     */
    static String fieldsUnder(String wrong, Set<String> paths) {
        String prefix = wrong;
        while (prefix.contains(".")) {
            prefix = prefix.substring(0, prefix.lastIndexOf('.'));
            if (paths.contains(prefix)) {
                String parent = prefix;
                List<String> children = paths.stream()
                        .filter(p -> p.startsWith(parent + ".") && p.indexOf('.', parent.length() + 1) < 0).toList();
                if (children.isEmpty()) {
                    return " ('" + parent + "' has no fields below it)";
                }
                int shown = Math.min(children.size(), 8);
                return " (under '" + parent + "' it has: " + String.join(", ", children.subList(0, shown))
                        + (children.size() > shown ? ", ..." : "") + ")";
            }
        }
        return "";
    }

    /** Parties as lesson files name them, in the order client, server, eavesdropper. */
    private static String parties(Set<Party> parties) {
        return parties.stream().sorted().map(Party::id).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String shape(Node node) {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "value";
    }

    /**
     * {@code " (did you mean 'x'?)"} for the closest name within a small edit distance (ties: the first in
     * alphabetical order, so the message never depends on set order); else, for a name written short, the
     * names that contain it as whole words ({@code premaster} in {@code premaster_secret}, {@code random} in
     * {@code client_random} and {@code server_random}): those that start with it if any, at most two,
     * shortest first; else empty.
     */
    static String suggest(String wrong, Collection<String> known) {
        String close = closest(wrong, known);
        if (!close.isEmpty() || wrong.isEmpty()) {
            return close;
        }
        List<String> containing = known.stream().filter(k -> ("_" + k + "_").contains("_" + wrong + "_"))
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(k -> k)).toList();
        List<String> starting = containing.stream().filter(k -> k.startsWith(wrong + "_")).toList();
        List<String> names = starting.isEmpty() ? containing : starting;
        if (names.isEmpty()) {
            return "";
        }
        return names.size() == 1 ? " (did you mean '" + names.get(0) + "'?)"
                : " (did you mean '" + names.get(0) + "' or '" + names.get(1) + "'?)";
    }

    private static String closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong, k);
            if (d < bestDistance || d == bestDistance && k.compareTo(best) < 0) {
                bestDistance = d;
                best = k;
            }
        }
        int limit = Math.max(2, wrong.length() / 4);
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
