package vn.hopso.org;

import vn.hopso.common.Msg;

/** Messages of the organisation feature: units, endpoints, people, passwords, imports. */
public enum OrgMsg implements Msg {
  UNIT("noun.unit", "đơn vị", "unit"),
  ENDPOINT("noun.endpoint", "điểm cầu", "endpoint"),
  PERSON("noun.person", "người dùng", "person"),
  IMPORT_KIND("noun.import-kind", "loại dữ liệu nhập", "import kind"),

  UNIT_CODE_TAKEN(
      "org.unit.code-taken", "mã đã dùng cho đơn vị {name}", "already used by unit {name}"),
  UNIT_UNKNOWN("org.unit.unknown", "không có đơn vị {id}", "unknown unit {id}"),
  UNIT_CODE_UNKNOWN(
      "org.unit.code-unknown", "không có đơn vị mã {code}", "unknown unit code {code}"),
  UNIT_INACTIVE("org.unit.inactive", "đơn vị {name} đã ngừng hoạt động", "unit {name} is inactive"),
  UNIT_UNDER_ITSELF(
      "org.unit.under-itself",
      "không thể đặt một đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó",
      "a unit cannot be placed under itself or its own sub-unit"),
  UNIT_NEEDS_PARENT(
      "org.unit.needs-parent", "{level} cần có đơn vị cấp trên", "a {level} needs a parent unit"),
  UNIT_PARENT_LEVEL(
      "org.unit.parent-level",
      "{level} không thể trực thuộc {parentLevel}",
      "a {level} cannot be placed under a {parentLevel}"),
  UNIT_ACTIVE_CHILDREN(
      "org.unit.active-children",
      "đơn vị còn {count} đơn vị cấp dưới đang hoạt động",
      "the unit still has {count} active sub-units"),
  MERGE_SELF(
      "org.merge.self",
      "không thể sáp nhập đơn vị vào chính nó",
      "a unit cannot be merged into itself"),
  MERGE_ALREADY_INACTIVE(
      "org.merge.inactive",
      "đơn vị {name} đã ngừng hoạt động (đã sáp nhập?)",
      "unit {name} is inactive (already merged?)"),
  MERGE_INTO_CHILD(
      "org.merge.into-child",
      "không thể sáp nhập đơn vị vào đơn vị cấp dưới của nó",
      "cannot merge a unit into its own sub-unit"),
  MERGE_CHILD_LEVEL(
      "org.merge.child-level",
      "đơn vị cấp dưới {name} ({level}) không thể trực thuộc {intoLevel}",
      "sub-unit {name} ({level}) cannot be placed under a {intoLevel}"),

  ENDPOINT_CODE_TAKEN(
      "org.endpoint.code-taken",
      "mã đã dùng cho điểm cầu {name}",
      "already used by endpoint {name}"),
  ENDPOINT_UNKNOWN(
      "org.endpoint.unknown",
      "không có điểm cầu {id} hoặc điểm cầu đã ngừng hoạt động",
      "unknown or inactive endpoint {id}"),
  ENDPOINT_INACTIVE(
      "org.endpoint.inactive", "điểm cầu {name} đã ngừng hoạt động", "endpoint {name} is inactive"),
  DEVICE_ACCOUNT_IS_PERSON(
      "org.endpoint.account-is-person",
      "tài khoản {account} là của một người, không phải tài khoản thiết bị",
      "account {account} is a person, not a device account"),
  DEVICE_ACCOUNT_TAKEN(
      "org.endpoint.account-taken",
      "tài khoản đã dùng cho điểm cầu {name}",
      "already used by endpoint {name}"),
  NOT_YOUR_ENDPOINT(
      "org.endpoint.not-yours", "Đây không phải điểm cầu của bạn", "This is not your endpoint"),
  DEVICE_NAME("org.endpoint.device-name", "Thiết bị {name}", "Device {name}"),

  USERNAME_TAKEN("org.person.username-taken", "tên đăng nhập đã có người dùng", "already taken"),
  PERSON_UNKNOWN("org.person.unknown", "không có người dùng {id}", "unknown person {id}"),
  PERSON_INACTIVE("org.person.inactive", "{name} đã ngừng hoạt động", "{name} is inactive"),
  LAST_ADMIN(
      "org.person.last-admin",
      "đây là quản trị viên cuối cùng còn hoạt động",
      "this is the last active administrator"),
  ROLES_REQUIRED("org.person.roles-required", "cần ít nhất một vai trò", "at least one role"),
  // Bean Validation messages of this feature's input (see OrgViews); codes kept from CommonMsg
  CODE_FORMAT(
      "field.code-format", "chỉ gồm chữ không dấu, chữ số và . _ -", "letters, digits . _ - only"),
  USERNAME_FORMAT(
      "field.username-format", "3–64 ký tự gồm a-z, 0-9 và . _ -", "3–64 of a-z 0-9 . _ -"),
  PHONE_FORMAT(
      "field.phone-format",
      "chỉ gồm chữ số, khoảng trắng và + ( ) . -",
      "digits, spaces and + ( ) . - only"),
  PASSWORD_SHORT(
      "org.password.short", "cần ít nhất {min} ký tự", "must have at least {min} characters"),
  PASSWORD_BLANK(
      "org.password.blank", "không được chỉ gồm khoảng trắng", "must not be only spaces"),
  PASSWORD_NOT_HERE(
      "org.password.not-here",
      "đặt mật khẩu bằng chức năng \"Đặt mật khẩu\", không qua sửa thông tin",
      "set a password with \"Set password\", not by editing the person"),

  CSV_DUPLICATE("import.csv.duplicate", "trùng với dòng {line}", "duplicate of line {line}"),
  CSV_PARENT_UNRESOLVED(
      "import.csv.parent-unresolved",
      "không tìm được đơn vị cấp trên {code} (các dòng trỏ vòng vào nhau?)",
      "parent unit {code} cannot be resolved (cycle?)"),
  CSV_EMPTY("import.csv.empty", "tệp trống", "the file is empty"),
  CSV_TOO_MANY_ROWS("import.csv.too-many-rows", "tối đa {max} dòng", "at most {max} rows"),
  CSV_COLUMN_COUNT(
      "import.csv.column-count",
      "dòng có {count} cột, dòng tiêu đề có {header}",
      "has {count} columns, the header has {header}"),
  CSV_MISSING_COLUMN("import.csv.missing-column", "thiếu cột này", "missing column"),
  CSV_UNKNOWN_COLUMN(
      "import.csv.unknown-column",
      "cột không được hỗ trợ (các cột: {expected})",
      "unknown column (expected {expected})"),
  CSV_COLUMN_TWICE("import.csv.column-twice", "có cột xuất hiện hai lần", "a column appears twice"),
  CSV_NOT_UTF8(
      "import.csv.encoding",
      "không phải UTF-8: hãy lưu tệp dạng CSV UTF-8",
      "not UTF-8: save the file as CSV UTF-8"),
  CSV_BOOLEAN("import.csv.boolean", "cần có/không (true/false)", "must be true/false (có/không)"),
  CSV_ROLE_UNKNOWN(
      "import.csv.role-unknown",
      "không có vai trò {value} (chọn trong {allowed})",
      "unknown role {value} (one of {allowed})"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  OrgMsg(String code, String vi, String en) {
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
