package io.tandem.emulator.json;

/** Malformed JSON; answered as Salesforce's JSON_PARSER_ERROR. */
public class JsonException extends RuntimeException {

    public JsonException(String message) {
        super(message);
    }
}
