package io.tlsviz.app.view;

/** Style classes used by the views, defined in assets' base.css. One place, no string literals elsewhere. */
public final class Styles {
    private Styles() {
    }

    public static final String APP_TITLE = "app-title";
    public static final String MUTED = "muted";
    public static final String MONO = "mono";
    public static final String HEX = "hex";
    public static final String TOOLBAR = "toolbar";
    public static final String STATUS_BAR = "status-bar";

    public static final String DIAGRAM = "diagram";
    public static final String LANE_HEADER = "lane-header";
    public static final String LANE_CLIENT = "lane-client";
    public static final String LANE_SERVER = "lane-server";
    public static final String LANE_WIRE = "lane-wire";
    public static final String LANE_ICON_CLIENT = "lane-icon-client";
    public static final String LANE_ICON_SERVER = "lane-icon-server";
    public static final String LIFELINE_CLIENT = "lifeline-client";
    public static final String LIFELINE_SERVER = "lifeline-server";
    public static final String WIRE_LINE = "wire-line";
    public static final String ARROW_ROW = "arrow-row";
    public static final String ARROW_LINE = "arrow-line";
    public static final String ARROW_HEAD = "arrow-head";
    public static final String ARROW_LABEL = "arrow-label";
    public static final String FROM_CLIENT = "from-client";
    public static final String FROM_SERVER = "from-server";
    public static final String LOCK = "lock-icon";
    public static final String ENVELOPE = "envelope";
    public static final String COMPUTATION_BADGE = "computation-badge";
    public static final String ON_CLIENT = "on-client";
    public static final String ON_SERVER = "on-server";
    public static final String SELECTED = "selected";
    public static final String CURRENT = "current";
    public static final String FAILED = "failed";
    public static final String TAMPERED = "tampered";

    public static final String ALERT_BANNER = "alert-banner";

    public static final String KNOWLEDGE = "knowledge";
    public static final String KNOWLEDGE_COLUMN = "knowledge-column";
    public static final String KNOWLEDGE_HEADER = "knowledge-header";
    public static final String COLUMN_CLIENT = "client";
    public static final String COLUMN_WIRE = "wire";
    public static final String COLUMN_SERVER = "server";
    public static final String KNOWLEDGE_VALUE = "knowledge-value";
    public static final String SECRET = "secret";
    public static final String NEW_VALUE = "new-value";
    public static final String INPUT_HIGHLIGHT = "input-highlight";
    public static final String VALUE_NAME = "value-name";
    public static final String VALUE_TAG = "value-tag";
    public static final String PROVEN = "proven";
    public static final String FORMULA = "formula";
    /** In a slide's picture: one line naming what did not fit (the diagram's earlier steps, a column's values). */
    public static final String PICTURE_SUMMARY = "picture-summary";

    public static final String NARRATION = "narration";
    public static final String NARRATION_TITLE = "narration-title";
    public static final String NARRATION_TEXT = "narration-text";
    public static final String NARRATION_PARAGRAPH = "narration-paragraph";
    public static final String NARRATION_RUN = "narration-run";
    public static final String EMPHASIS = "emphasis";
    public static final String BEAT_LABEL = "beat-label";
    public static final String LESSON_HIGHLIGHT = "lesson-highlight";

    public static final String QUIZ = "quiz";
    public static final String QUIZ_QUESTION = "quiz-question";
    public static final String QUIZ_OPTION = "quiz-option";
    public static final String QUIZ_RIGHT_OPTION = "right-option";
    public static final String QUIZ_WRONG_CHOICE = "wrong-choice";
    public static final String KNOWLEDGE_VEIL = "knowledge-veil";
    public static final String CORRECT = "correct";
    public static final String WRONG = "wrong";
    public static final String WARMUP = "warmup";
    public static final String ATTACK = "attack";
    public static final String MATCHES = "matches";
    public static final String DIFFERS = "differs";
    public static final String PLAINTEXT = "plaintext";

    public static final String OVERLAY = "overlay";
    /** On the window's root while it is blanked: black. */
    public static final String BLANKED = "blanked";
    public static final String CARD = "card";
    public static final String PICKER = "lesson-picker";
    public static final String CHOICE_TITLE = "choice-title";
    public static final String CHOICE_SUMMARY = "choice-summary";
    public static final String ERROR_LIST = "error-list";

    public static final String INSPECTOR = "inspector";
    public static final String SECTION_TITLE = "section-title";
    public static final String HEX_VIEW = "hex-view";
    public static final String HEX_ROW = "hex-row";
    public static final String HEX_BYTES = "hex-bytes";
    public static final String HEX_SELECTION = "hex-selection";
    /** A scroll pane made by {@link Scrolling#pane}: one background fill, no viewport bitmap. */
    public static final String SCROLL = "tv-scroll";
    public static final String HEX_OFFSET = "hex-offset";
    public static final String TAMPER_PANE = "tamper-pane";
    public static final String ERROR = "error-text";

    public static final String STEP_STRIP = "step-strip";
    public static final String KIND_COMPUTATION = "kind-computation";
    public static final String FUTURE = "future";
    public static final String EXPORT_DIALOG = "export-dialog";
}
