package vn.hopso.agenda;

import vn.hopso.common.Msg;

/** Messages of the agenda feature. */
public enum AgendaMsg implements Msg {
  ITEM("noun.agenda-item", "mục chương trình", "agenda item"),
  MAX_DEPTH(
      "agenda.max-depth",
      "chương trình họp có tối đa {max} cấp",
      "the agenda has at most {max} levels"),
  UNDER_ITSELF(
      "agenda.under-itself",
      "không thể chuyển một mục vào dưới chính nó hoặc mục con của nó",
      "an item cannot be moved under itself or its own sub-item"),
  NO_ITEM("agenda.no-item", "cuộc họp không có mục {id}", "no agenda item {id} in this meeting"),
  NO_PREVIOUS(
      "agenda.no-previous",
      "Không có mục nào trước đó để quay lại",
      "There is no earlier item to go back to"),
  EMPTY("agenda.empty", "Chương trình họp đang trống", "The agenda is empty"),
  UNCHANGED(
      "agenda.unchanged",
      "Chưa có thay đổi nào so với bản {version}",
      "Nothing changed since version {version}"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  AgendaMsg(String code, String vi, String en) {
    this.code = code;
    this.vi = vi;
    this.en = en;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String vi() {
    return vi;
  }

  @Override
  public String en() {
    return en;
  }
}
