package vn.hopso.agenda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.hopso.agenda.AgendaViews.Agenda;
import vn.hopso.agenda.AgendaViews.ItemInput;
import vn.hopso.agenda.AgendaViews.ItemView;
import vn.hopso.agenda.AgendaViews.VersionView;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.StoredJson;
import vn.hopso.common.Texts;
import vn.hopso.common.Versions;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.org.OrgMsg;
import vn.hopso.org.Person;

/**
 * The agenda: managers edit a working copy; publishing freezes it into a numbered version that
 * participants see, and tells them (from the second version on, with what changed).
 */
@ApplicationScoped
@Transactional
public class AgendaService {
  static final int MAX_DEPTH = 3;

  @Inject MeetingAccess access;
  @Inject CurrentUser current;
  @Inject Event<DomainEvent> events;
  @Inject @StoredJson ObjectMapper json; // snapshots this application stored
  @Inject Clock clock;

  @Transactional
  public Agenda get(long meetingId) {
    return get(access.view(meetingId));
  }

  /** The agenda as this caller sees it (the working copy for managers), access already granted. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Agenda get(Access a) {
    if (a.manager()) {
      return working(a.meeting());
    }
    return published(a.meeting());
  }

  private Agenda working(Meeting m) {
    List<ItemView> items = tree(m);
    return answer(m, items);
  }

  private Agenda published(Meeting m) {
    AgendaVersion v = latest(m);
    List<ItemView> items = v == null ? List.of() : parse(v.snapshot);
    return new Agenda(
        m.agendaVersion,
        m.agendaPublishedAt,
        false,
        planned(items),
        m.slotMinutes(),
        planned(items) > m.slotMinutes(),
        items);
  }

  private Agenda answer(Meeting m, List<ItemView> items) {
    long planned = planned(items);
    return new Agenda(
        m.agendaVersion,
        m.agendaPublishedAt,
        m.agendaDirty,
        planned,
        m.slotMinutes(),
        planned > m.slotMinutes(),
        items);
  }

  /** An item counts its own planned minutes, or else the sum of its sub-items. */
  static long planned(List<ItemView> items) {
    long sum = 0;
    for (ItemView i : items) {
      sum += i.plannedMinutes() != null ? i.plannedMinutes() : planned(i.children());
    }
    return sum;
  }

  /** The published agenda as text lines for emails ("1. Title – presenter (30 phút)"). */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<String> lines(Meeting m) {
    AgendaVersion v = latest(m);
    List<String> lines = new ArrayList<>();
    if (v != null) {
      addLines(parse(v.snapshot), 0, lines);
    }
    return lines;
  }

  private static void addLines(List<ItemView> items, int depth, List<String> out) {
    for (ItemView i : items) {
      StringBuilder b =
          new StringBuilder("  ".repeat(depth)).append(i.number()).append(". ").append(i.title());
      if (i.presenterName() != null) {
        b.append(" – ").append(i.presenterName());
      }
      if (i.plannedMinutes() != null) {
        b.append(" (").append(i.plannedMinutes()).append(" phút)");
      }
      out.add(b.toString());
      addLines(i.children(), depth + 1, out);
    }
  }

  /** The ids of the items in the published agenda (what participants see), empty before. */
  @Transactional(Transactional.TxType.MANDATORY)
  public java.util.Set<Long> publishedItemIds(Meeting m) {
    AgendaVersion v = latest(m);
    return v == null ? java.util.Set.of() : flatten(parse(v.snapshot)).keySet();
  }

  private static AgendaVersion latest(Meeting m) {
    return AgendaVersion.find("meeting = ?1 order by number desc", m).firstResult();
  }

  @Transactional
  public List<VersionView> versions(long meetingId) {
    Meeting m = access.view(meetingId).meeting();
    return AgendaVersion.<AgendaVersion>list("meeting = ?1 order by number", m).stream()
        .map(v -> new VersionView(v.number, v.publishedAt, v.publishedBy, v.changes))
        .toList();
  }

  // --- editing ------------------------------------------------------------------------------

  private Meeting editable(long meetingId) {
    return access.require(meetingId, MeetingOp.EDIT_AGENDA).meeting();
  }

  public ItemView add(long meetingId, ItemInput in) {
    Meeting m = editable(meetingId);
    AgendaItem parent = in.parentId() == null ? null : item(m, in.parentId(), "parentId");
    if (parent != null && depth(parent) >= MAX_DEPTH) {
      throw ApiException.invalid("parentId", AgendaMsg.MAX_DEPTH, "max", MAX_DEPTH);
    }
    AgendaItem item = new AgendaItem();
    item.meeting = m;
    item.parent = parent;
    item.position = siblings(m, parent).size();
    apply(item, in);
    item.persist();
    changed(m, "agenda.item.added", item.title);
    return find(tree(m), item.id);
  }

  public ItemView update(long meetingId, long itemId, ItemInput in) {
    Meeting m = editable(meetingId);
    AgendaItem item = item(m, itemId, "itemId");
    Versions.check(in.version(), item.version);
    apply(item, in);
    changed(m, "agenda.item.updated", item.title);
    AgendaItem.flush(); // the answer carries the new version
    return find(tree(m), item.id);
  }

  public void delete(long meetingId, long itemId) {
    Meeting m = editable(meetingId);
    AgendaItem item = item(m, itemId, "itemId");
    AgendaItem parent = item.parent;
    deleteTree(m, item);
    renumber(siblings(m, parent));
    changed(m, "agenda.item.deleted", item.title);
  }

  private void deleteTree(Meeting m, AgendaItem item) {
    for (AgendaItem child : AgendaItem.<AgendaItem>list("meeting = ?1 and parent = ?2", m, item)) {
      deleteTree(m, child);
    }
    if (item.id.equals(m.currentItemId)) {
      m.currentItemId = null;
    }
    // what refers to the item (the speaking log) lets go of it first
    events.fire(new AgendaEvents.ItemDeleted(m, item.id));
    item.delete();
    AgendaItem.flush();
  }

  public ItemView move(long meetingId, long itemId, Long parentId, int position) {
    Meeting m = editable(meetingId);
    AgendaItem item = item(m, itemId, "itemId");
    AgendaItem parent = parentId == null ? null : item(m, parentId, "parentId");
    for (AgendaItem p = parent; p != null; p = p.parent) {
      if (p.id.equals(item.id)) {
        throw ApiException.invalid("parentId", AgendaMsg.UNDER_ITSELF);
      }
    }
    if ((parent == null ? 0 : depth(parent)) + height(m, item) > MAX_DEPTH) {
      throw ApiException.invalid("parentId", AgendaMsg.MAX_DEPTH, "max", MAX_DEPTH);
    }
    List<AgendaItem> old = siblings(m, item.parent);
    old.removeIf(i -> i.id.equals(item.id));
    renumber(old);
    List<AgendaItem> target = siblings(m, parent);
    target.removeIf(i -> i.id.equals(item.id));
    target.add(Math.min(position, target.size()), item);
    item.parent = parent;
    renumber(target);
    changed(m, "agenda.item.moved", item.title);
    return find(tree(m), item.id);
  }

  private void apply(AgendaItem item, ItemInput in) {
    item.title = in.title().strip();
    item.presenter = null;
    if (in.presenterId() != null) {
      Person p = Person.findById(in.presenterId());
      if (p == null) {
        throw ApiException.invalid("presenterId", OrgMsg.PERSON_UNKNOWN, "id", in.presenterId());
      }
      item.presenter = p;
    }
    item.presenterName = Texts.blankToNull(in.presenterName());
    item.plannedMinutes = in.plannedMinutes();
    item.description = Texts.blankToNull(in.description());
  }

  private void changed(Meeting m, String action, String title) {
    m.agendaDirty = true;
    events.fire(new AgendaEvents.AgendaChanged(m, action, title));
  }

  private static AgendaItem item(Meeting m, long id, String field) {
    AgendaItem item = AgendaItem.findById(id);
    if (item == null || !item.meeting.id.equals(m.id)) {
      if ("itemId".equals(field)) {
        throw ApiException.notFound(AgendaMsg.ITEM, id);
      }
      throw ApiException.invalid(field, AgendaMsg.NO_ITEM, "id", id);
    }
    return item;
  }

  private static int depth(AgendaItem item) {
    int d = 0;
    for (AgendaItem i = item; i != null; i = i.parent) {
      d++;
    }
    return d;
  }

  private static int height(Meeting m, AgendaItem item) {
    int max = 0;
    for (AgendaItem c : AgendaItem.<AgendaItem>list("meeting = ?1 and parent = ?2", m, item)) {
      max = Math.max(max, height(m, c));
    }
    return max + 1;
  }

  private static List<AgendaItem> siblings(Meeting m, AgendaItem parent) {
    List<AgendaItem> list =
        parent == null
            ? AgendaItem.list("meeting = ?1 and parent is null order by position, id", m)
            : AgendaItem.list("meeting = ?1 and parent = ?2 order by position, id", m, parent);
    return new ArrayList<>(list);
  }

  private static void renumber(List<AgendaItem> items) {
    for (int i = 0; i < items.size(); i++) {
      items.get(i).position = i;
    }
  }

  // --- publishing ---------------------------------------------------------------------------

  public Agenda publish(long meetingId) {
    Meeting m = editable(meetingId);
    List<ItemView> items = tree(m);
    if (items.isEmpty()) {
      throw ApiException.conflict(AgendaMsg.EMPTY);
    }
    AgendaVersion previous = latest(m);
    String changes = previous == null ? null : diff(parse(previous.snapshot), items);
    if (previous != null && changes == null) {
      throw ApiException.conflict(AgendaMsg.UNCHANGED, "version", previous.number);
    }
    AgendaVersion v = new AgendaVersion();
    v.meeting = m;
    v.number = m.agendaVersion + 1;
    v.publishedAt = clock.instant();
    v.publishedBy = current.name();
    v.changes = changes;
    try {
      v.snapshot = json.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    v.persist();
    m.agendaVersion = v.number;
    m.agendaPublishedAt = v.publishedAt;
    m.agendaDirty = false;
    events.fire(new AgendaEvents.AgendaPublished(m, v.number, changes));
    return answer(m, items);
  }

  /** What changed between two published versions, in Vietnamese; null when nothing did. */
  static String diff(List<ItemView> before, List<ItemView> after) {
    Map<Long, ItemView> a = flatten(before);
    Map<Long, ItemView> b = flatten(after);
    List<String> parts = new ArrayList<>();
    List<String> added =
        b.values().stream()
            .filter(i -> !a.containsKey(i.id()))
            .map(i -> i.number() + " " + i.title())
            .toList();
    List<String> removed =
        a.values().stream().filter(i -> !b.containsKey(i.id())).map(ItemView::title).toList();
    List<String> edited = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    for (ItemView now : b.values()) {
      ItemView was = a.get(now.id());
      if (was == null) {
        continue;
      }
      if (!Objects.equals(was.title(), now.title())
          || !Objects.equals(was.presenterName(), now.presenterName())
          || !Objects.equals(was.plannedMinutes(), now.plannedMinutes())
          || !Objects.equals(was.description(), now.description())) {
        edited.add(now.number() + " " + now.title());
      } else if (!Objects.equals(was.number(), now.number())) {
        moved.add(now.title() + " (" + was.number() + " → " + now.number() + ")");
      }
    }
    if (!added.isEmpty()) {
      parts.add("thêm " + String.join("; ", added));
    }
    if (!removed.isEmpty()) {
      parts.add("bỏ " + String.join("; ", removed));
    }
    if (!edited.isEmpty()) {
      parts.add("sửa " + String.join("; ", edited));
    }
    if (!moved.isEmpty()) {
      parts.add("đổi thứ tự " + String.join("; ", moved));
    }
    if (parts.isEmpty()) {
      return null;
    }
    String text = String.join(". ", parts);
    return Texts.fit(text, 3901);
  }

  private static Map<Long, ItemView> flatten(List<ItemView> items) {
    Map<Long, ItemView> map = new LinkedHashMap<>();
    for (ItemView i : items) {
      map.put(i.id(), i);
      map.putAll(flatten(i.children()));
    }
    return map;
  }

  private List<ItemView> parse(String snapshot) {
    try {
      return json.readValue(snapshot, new TypeReference<List<ItemView>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt agenda snapshot", e);
    }
  }

  // --- tree ---------------------------------------------------------------------------------

  private static List<ItemView> tree(Meeting m) {
    return build(AgendaItem.byParent(m), null, "");
  }

  private static List<ItemView> build(
      Map<Long, List<AgendaItem>> byParent, Long parent, String prefix) {
    List<AgendaItem> children = byParent.getOrDefault(parent, List.of());
    List<ItemView> out = new ArrayList<>();
    for (int n = 0; n < children.size(); n++) {
      AgendaItem i = children.get(n);
      String number = AgendaItem.number(prefix, n);
      out.add(
          new ItemView(
              i.id,
              parent,
              i.position,
              number,
              i.title,
              i.presenter == null ? null : i.presenter.id,
              i.presenter != null ? i.presenter.fullName : i.presenterName,
              i.plannedMinutes,
              i.description,
              build(byParent, i.id, number),
              i.version));
    }
    return out;
  }

  private static ItemView find(List<ItemView> items, long id) {
    for (ItemView i : items) {
      if (i.id() == id) {
        return i;
      }
      ItemView found = find(i.children(), id);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
