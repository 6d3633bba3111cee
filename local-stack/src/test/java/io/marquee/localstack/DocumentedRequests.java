package io.marquee.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} examples in the docs' shell blocks, read so that a test can send each to a running stack: a
 * command is the lines of one {@code curl} (joined at trailing backslashes), its headers ({@code -H}), method
 * ({@code -X}) and URL; the status it should get is 2xx unless the line says otherwise with a comment
 * {@code # → 404}. {@code $NAME} is expanded from the given variables, as the shell would after sourcing
 * {@code .local/stack.env}.
 */
record DocumentedRequests(Path document, List<Request> requests) {

    private static final Pattern STATUS = Pattern.compile("#\\s*→\\s*(\\d{3})");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z_]+)}?");

    record Request(String line, String method, URI uri, Map<String, String> headers, Integer status) {

        /** Whether {@code code} is the status the docs say: the one on the line, or any 2xx. */
        boolean answeredAsDocumented(int code) {
            return status == null ? code >= 200 && code <= 299 : code == status;
        }
    }

    static DocumentedRequests read(Path document, Map<String, String> variables) {
        List<Request> requests = new ArrayList<>();
        boolean inShell = false;
        StringBuilder command = null;
        try {
            for (String line : Files.readAllLines(document)) {
                if (line.startsWith("```")) {
                    inShell = !inShell && (line.equals("```sh") || line.equals("```bash"));
                    continue;
                }
                if (!inShell) {
                    continue;
                }
                if (command == null && line.strip().startsWith("curl ")) {
                    command = new StringBuilder();
                }
                if (command != null) {
                    command.append(line.strip().replaceAll("\\\\$", "")).append(' ');
                    if (!line.strip().endsWith("\\")) {
                        requests.add(parse(command.toString().strip(), variables));
                        command = null;
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new DocumentedRequests(document, requests);
    }

    private static Request parse(String line, Map<String, String> variables) {
        Matcher status = STATUS.matcher(line);
        Integer expected = status.find() ? Integer.valueOf(status.group(1)) : null;
        String command = line.replaceAll("\\s+#.*$", "");
        List<String> words = words(expand(command, variables));
        String method = "GET";
        URI uri = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    headers.put(header[0], header[1]);
                }
                case "-X" -> method = words.get(++i);
                case "-I" -> method = "HEAD";
                default -> {
                    if (word.startsWith("http")) {
                        uri = URI.create(word);
                    }
                    else if (!word.matches("-[sSiv]+")) {
                        throw new IllegalArgumentException("An option the docs' requests do not use: " + word + " in " + line);
                    }
                }
            }
        }
        if (uri == null) {
            throw new IllegalArgumentException("No URL in " + line);
        }
        return new Request(line, method, uri, headers, expected);
    }

    private static String expand(String command, Map<String, String> variables) {
        return VARIABLE.matcher(command).replaceAll(match -> Matcher.quoteReplacement(variables.getOrDefault(match.group(1), match.group())));
    }

    /** Splits as a shell would for the quoting the docs use: single and double quotes, no escapes inside. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                else {
                    word.append(c);
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            }
            else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            }
            else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
