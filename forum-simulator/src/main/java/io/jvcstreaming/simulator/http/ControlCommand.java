package io.jvcstreaming.simulator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jvcstreaming.simulator.Faults;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /_control}: a partial update of the faults (absent fields keep their value) and
 * moderation orders, e.g. {@code {"error503":0.1,"latencyMs":50,"deleteTopics":[77012346]}};
 * {@code restoreTopics} brings deleted topics back (applied after the deletions of the same command).
 */
public record ControlCommand(Faults faults, List<Long> deleteTopics, List<Long> deleteMessages,
                             List<Long> restoreTopics) {

  private static final JsonFactory JSON = new JsonFactory();

  public static ControlCommand parse(byte[] body, Faults current) {
    double error503 = current.error503();
    double drop = current.drop();
    double challenge = current.challenge();
    double tooMany = current.tooMany();
    double malformed = current.malformed();
    int latencyMs = current.latencyMs();
    int jitterMs = current.latencyJitterMs();
    List<Long> topics = new ArrayList<>();
    List<Long> messages = new ArrayList<>();
    List<Long> restore = new ArrayList<>();
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("body must be a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "error503" -> error503 = number(p, value, field);
          case "drop" -> drop = number(p, value, field);
          case "challenge" -> challenge = number(p, value, field);
          case "tooMany" -> tooMany = number(p, value, field);
          case "malformed" -> malformed = number(p, value, field);
          case "latencyMs" -> latencyMs = (int) number(p, value, field);
          case "latencyJitterMs" -> jitterMs = (int) number(p, value, field);
          case "deleteTopics" -> ids(p, value, field, topics);
          case "deleteMessages" -> ids(p, value, field, messages);
          case "restoreTopics" -> ids(p, value, field, restore);
          default -> throw new IllegalArgumentException("unknown field '" + field + "'; accepted: error503, drop, "
              + "challenge, tooMany, malformed, latencyMs, latencyJitterMs, deleteTopics, deleteMessages, restoreTopics");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
    return new ControlCommand(new Faults(error503, drop, challenge, tooMany, malformed, latencyMs, jitterMs),
        List.copyOf(topics), List.copyOf(messages), List.copyOf(restore));
  }

  public static String toJson(Faults f) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static void write(JsonGenerator g, Faults f) throws IOException {
    g.writeStartObject();
    g.writeNumberField("error503", f.error503());
    g.writeNumberField("drop", f.drop());
    g.writeNumberField("challenge", f.challenge());
    g.writeNumberField("tooMany", f.tooMany());
    g.writeNumberField("malformed", f.malformed());
    g.writeNumberField("latencyMs", f.latencyMs());
    g.writeNumberField("latencyJitterMs", f.latencyJitterMs());
    g.writeEndObject();
  }

  private static double number(JsonParser p, JsonToken value, String field) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new IllegalArgumentException("field '" + field + "' must be a number");
    }
    return p.getDoubleValue();
  }

  private static void ids(JsonParser p, JsonToken value, String field, List<Long> out) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("field '" + field + "' must be an array of ids");
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw new IllegalArgumentException("field '" + field + "' must hold integer ids");
      }
      out.add(p.getLongValue());
    }
  }
}
