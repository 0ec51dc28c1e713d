package vn.hopso.document;

import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;

/** What happens to documents; the audit, the live channel and notifications observe these. */
public final class DocumentEvents {
  private DocumentEvents() {}

  /**
   * A document was added, replaced by a new version, changed or withdrawn ({@code action}:
   * document.uploaded, document.replaced, document.updated, document.withdrawn).
   */
  public record Changed(Meeting meeting, long documentId, String action, String detail)
      implements DomainEvent {
    @Override
    public String target() {
      return "document:" + documentId;
    }
  }

  /**
   * A person was given a link to a confidential document or to an original file, or their annotated
   * copy ({@code action}: document.opened, document.downloaded): the audit keeps each.
   */
  public record Served(Meeting meeting, long documentId, String action, String detail)
      implements DomainEvent {
    @Override
    public String target() {
      return "document:" + documentId;
    }
  }

  /** A person opened a version for the first time (for the secretary's table; not audited). */
  public record FirstRead(Meeting meeting, long documentId, long personId) implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }

  /**
   * A person's annotations on a document changed: their other devices fetch them again; when the
   * change touches a shared annotation, everyone's reader does.
   */
  public record AnnotationsChanged(Meeting meeting, long documentId, long personId, boolean shared)
      implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }

  /** The secretary reminded people to read ({@code detail}: how many). */
  public record Reminded(Meeting meeting, String detail) implements DomainEvent {
    @Override
    public String action() {
      return "document.reminded";
    }

    @Override
    public String target() {
      return "meeting:" + meeting.id;
    }
  }
}
