package vn.hopso.document;

import java.util.Set;
import vn.hopso.meeting.MeetingPolicy.Relation;

/**
 * The one rule of who may read which document of a meeting they may read documents of ({@code
 * MeetingOp.READ_DOCUMENTS}). Lists, links, receipts, annotations and the offline pack all ask
 * here.
 */
final class DocumentRules {
  private DocumentRules() {}

  /**
   * @param publishedItems ids of the agenda items the caller can see: the published agenda's, or
   *     the working agenda's for a manager
   */
  static boolean visible(Relation r, Long personId, Document d, Set<Long> publishedItems) {
    if (d.withdrawnAt != null) {
      return false;
    }
    if (r.runner()) {
      return true; // the secretary, administrators and the chair see every document
    }
    if (r.participant() == null || personId == null) {
      return false;
    }
    if (d.item != null && !publishedItems.contains(d.item.id)) {
      return false; // its agenda item is not published yet
    }
    return d.audience == DocumentAudience.PARTICIPANTS || d.readers.contains(personId);
  }

  /** Whether this reader gets the original of a confidential document (only its managers do). */
  static boolean getsOriginal(Relation r, Document d) {
    return !d.confidential || r.manager();
  }
}
