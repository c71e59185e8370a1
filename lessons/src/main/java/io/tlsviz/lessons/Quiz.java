package io.tlsviz.lessons;

import io.tlsviz.engine.Party;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A question at a beat, with the explanation shown after the student answers. */
public sealed interface Quiz permits Quiz.MultipleChoice, Quiz.NextMessage, Quiz.WhoKnows {

    /** The {@code kind} as written in lesson files. */
    enum Kind {
        MULTIPLE_CHOICE, NEXT_MESSAGE, WHO_KNOWS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    String question();

    String explanation();

    Kind kind();

    /**
     * Pick one of several answers.
     *
     * @param correct index of the right option, from 0 (lesson files count from 1)
     */
    record MultipleChoice(String question, List<String> options, int correct, String explanation) implements Quiz {
        public MultipleChoice {
            options = List.copyOf(options);
        }

        public boolean isCorrect(int chosen) {
            return chosen == correct;
        }

        @Override
        public Kind kind() {
            return Kind.MULTIPLE_CHOICE;
        }
    }

    /**
     * "What will be sent next?", answered with a step name.
     *
     * @param options step names to choose from; empty means: offer the message steps of the trace
     * @param answer  the step name that comes next
     */
    record NextMessage(String question, List<String> options, String answer, String explanation) implements Quiz {
        public NextMessage {
            options = List.copyOf(options);
        }

        public boolean isCorrect(String step) {
            return answer.equals(step);
        }

        @Override
        public Kind kind() {
            return Kind.NEXT_MESSAGE;
        }
    }

    /**
     * "Who knows this value?" The student ticks any of client, server and eavesdropper.
     *
     * @param secret the value asked about, a secret name
     * @param answer exactly the parties who know it at this beat
     */
    record WhoKnows(String question, String secret, Set<Party> answer, String explanation) implements Quiz {
        public WhoKnows {
            answer = Set.copyOf(answer);
        }

        public boolean isCorrect(Set<Party> chosen) {
            return answer.equals(chosen);
        }

        @Override
        public Kind kind() {
            return Kind.WHO_KNOWS;
        }
    }
}
