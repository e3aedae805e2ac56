package io.jvcstreaming.simulator.markup;

/**
 * The forum's two escaping styles. Bodies (and dates in attributes) use named entities for accented letters,
 * {@code &#039;} for the apostrophe and {@code &nbsp;} for the no-break space; titles and pseudos only escape
 * the five HTML-special characters and keep accents raw (spec §2). Emoji always stay raw UTF-8.
 */
public final class Html {

  private Html() {
  }

  /** Only {@code & < > " '}: list titles, h2 title, pseudos. */
  public static String escapeMinimal(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    appendMinimal(sb, s);
    return sb.toString();
  }

  public static void appendMinimal(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#039;");
        default -> sb.append(c);
      }
    }
  }

  /** Body style: named entities for accents, as the forum's message renderer does. */
  public static String escapeBody(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 32);
    appendBody(sb, s);
    return sb.toString();
  }

  public static void appendBody(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String entity = bodyEntity(c);
      if (entity != null) {
        sb.append(entity);
      } else {
        sb.append(c);
      }
    }
  }

  private static String bodyEntity(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#039;";
      case '\u00A0' -> "&nbsp;";
      case 'à' -> "&agrave;";
      case 'â' -> "&acirc;";
      case 'ä' -> "&auml;";
      case 'é' -> "&eacute;";
      case 'è' -> "&egrave;";
      case 'ê' -> "&ecirc;";
      case 'ë' -> "&euml;";
      case 'î' -> "&icirc;";
      case 'ï' -> "&iuml;";
      case 'ô' -> "&ocirc;";
      case 'ö' -> "&ouml;";
      case 'ù' -> "&ugrave;";
      case 'û' -> "&ucirc;";
      case 'ü' -> "&uuml;";
      case 'ç' -> "&ccedil;";
      case 'œ' -> "&oelig;";
      case 'À' -> "&Agrave;";
      case 'É' -> "&Eacute;";
      case 'È' -> "&Egrave;";
      case 'Ê' -> "&Ecirc;";
      case 'Ç' -> "&Ccedil;";
      case 'Ô' -> "&Ocirc;";
      case '€' -> "&euro;";
      case '«' -> "&laquo;";
      case '»' -> "&raquo;";
      default -> null;
    };
  }
}
