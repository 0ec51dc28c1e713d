// All UI text, Vietnamese first. `vi` defines the keys; `en` must provide every one of them
// (the type checker enforces it). Placeholders are written {name} and filled by t(key, params).

import { useMemo, useSyncExternalStore } from 'react';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

const vi = {
  'app.name': 'HopSo – Họp số',
  'app.loading': 'Đang tải…',
  'app.skip': 'Bỏ qua, đến nội dung chính',

  'nav.main': 'Điều hướng chính',
  'nav.home': 'Trang chủ',
  'nav.units': 'Đơn vị',
  'nav.endpoints': 'Điểm cầu',
  'nav.people': 'Người dùng',
  'nav.import': 'Nhập / Xuất',
  'nav.audit': 'Nhật ký',
  'nav.account': 'Tài khoản',

  'header.language': 'Ngôn ngữ',
  'header.logout': 'Đăng xuất',
  'header.user': 'Người đăng nhập',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'login.title': 'Đăng nhập',
  'login.subtitle': 'Hệ thống họp trực tuyến, phiên làm việc không giấy',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.showPassword': 'Hiện mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.submitting': 'Đang đăng nhập…',
  'login.invalid': 'Tên đăng nhập hoặc mật khẩu không đúng',
  'login.tooMany': 'Quá nhiều lần thử, vui lòng thử lại sau {seconds} giây',
  'login.tooManyLater': 'Quá nhiều lần thử, vui lòng thử lại sau',
  'login.expired': 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại',

  'common.save': 'Lưu',
  'common.saving': 'Đang lưu…',
  'common.cancel': 'Hủy',
  'common.close': 'Đóng',
  'common.edit': 'Sửa',
  'common.search': 'Tìm kiếm',
  'common.searchPlaceholder': 'Nhập tên hoặc mã (không cần dấu)…',
  'common.active': 'Đang hoạt động',
  'common.inactive': 'Ngừng hoạt động',
  'common.deactivate': 'Ngừng hoạt động',
  'common.activate': 'Kích hoạt lại',
  'common.all': 'Tất cả',
  'common.status': 'Trạng thái',
  'common.actions': 'Thao tác',
  'common.confirm': 'Xác nhận',
  'common.retry': 'Thử lại',
  'common.saved': 'Đã lưu',
  'common.comingSoon': 'Sắp có',
  'common.open': 'Mở',
  'common.readOnly': 'Chỉ xem',
  'common.noResults': 'Không có kết quả phù hợp',
  'common.optional': 'không bắt buộc',
  'common.required': 'Bắt buộc nhập',
  'common.clear': 'Bỏ chọn',
  'common.loadFailed': 'Không tải được dữ liệu',
  'common.deactivateConfirm': 'Ngừng hoạt động “{name}”?',
  'common.activateConfirm': 'Kích hoạt lại “{name}”?',
  'common.deactivated': 'Đã ngừng hoạt động “{name}”',
  'common.activated': 'Đã kích hoạt lại “{name}”',

  'pager.label': 'Phân trang',
  'pager.summary': 'Trang {page}/{pages} · {total} mục',
  'pager.prev': 'Trang trước',
  'pager.next': 'Trang sau',
  'pager.size': 'Số dòng mỗi trang',

  'error.network': 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.',
  'error.unauthorized': 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại',
  'error.forbidden': 'Bạn không có quyền thực hiện thao tác này',
  'error.notFound': 'Không tìm thấy dữ liệu',
  'error.conflict': 'Dữ liệu bị trùng hoặc thao tác không hợp lệ',
  'error.tooLarge': 'Dữ liệu gửi lên quá lớn',
  'error.validation': 'Dữ liệu không hợp lệ, vui lòng kiểm tra các ô được đánh dấu',
  'error.generic': 'Đã có lỗi xảy ra (mã {status})',

  'forbidden.title': 'Không có quyền truy cập',
  'forbidden.text': 'Tài khoản của bạn không được phép xem trang này.',
  'forbidden.home': 'Về trang chủ',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.text': 'Địa chỉ này không tồn tại hoặc đã bị chuyển.',

  'home.greeting': 'Xin chào, {name}',
  'home.roles': 'Vai trò',
  'home.admin': 'Quản trị hệ thống',
  'home.work': 'Công việc',
  'home.meetings': 'Cuộc họp',
  'home.meetingsSoon': 'Quản lý cuộc họp: sắp có.',
  'home.myMeetings': 'Cuộc họp của tôi',
  'home.myMeetingsSoon': 'Danh sách cuộc họp của bạn sẽ hiển thị tại đây trong phiên bản tới.',
  'home.observer': 'Theo dõi cuộc họp',
  'home.observerSoon': 'Các cuộc họp bạn được theo dõi sẽ hiển thị tại đây: sắp có.',
  'home.directory': 'Danh bạ',
  'home.endpointsList': 'Danh sách điểm cầu',
  'home.peopleList': 'Danh sách người dùng',
  'home.myEndpoint': 'Điểm cầu của phòng họp',
  'home.noEndpoint': 'Chưa có điểm cầu nào gắn với tài khoản thiết bị này.',
  'home.noRoles': 'Tài khoản chưa được phân vai trò. Vui lòng liên hệ quản trị viên.',

  'card.units': 'Cây đơn vị hành chính, thêm, sửa, sáp nhập',
  'card.endpoints': 'Điểm cầu và thiết bị phòng họp',
  'card.people': 'Tài khoản, vai trò, đặt mật khẩu',
  'card.import': 'Nhập và xuất dữ liệu bằng tệp CSV',
  'card.audit': 'Nhật ký thao tác, kiểm tra tính toàn vẹn',
  'card.endpointsRead': 'Xem danh sách điểm cầu',
  'card.peopleRead': 'Xem danh sách người dùng',

  'role.ADMIN': 'Quản trị viên',
  'role.SECRETARY': 'Thư ký',
  'role.CHAIR': 'Chủ trì',
  'role.DELEGATE': 'Đại biểu',
  'role.ENDPOINT': 'Thiết bị điểm cầu',
  'role.OBSERVER': 'Quan sát viên',

  'level.PROVINCE': 'Tỉnh',
  'level.DISTRICT': 'Huyện',
  'level.COMMUNE': 'Xã',
  'level.AGENCY': 'Cơ quan',
  'level.PARTY': 'Tổ chức Đảng',

  'status.OFFLINE': 'Ngoại tuyến',
  'status.CONNECTED': 'Đã kết nối',
  'status.IN_CONFERENCE': 'Đang họp',
  'status.DEGRADED': 'Kết nối kém',

  'units.title': 'Đơn vị',
  'units.add': 'Thêm đơn vị',
  'units.addChild': 'Thêm đơn vị trực thuộc',
  'units.edit': 'Sửa đơn vị',
  'units.code': 'Mã đơn vị',
  'units.name': 'Tên đơn vị',
  'units.level': 'Cấp',
  'units.parent': 'Đơn vị cấp trên',
  'units.noParent': 'Không có (đơn vị gốc)',
  'units.endpointCount': '{n} điểm cầu',
  'units.peopleCount': '{n} người',
  'units.expand': 'Mở rộng {name}',
  'units.collapse': 'Thu gọn {name}',
  'units.expandAll': 'Mở tất cả',
  'units.collapseAll': 'Thu gọn tất cả',
  'units.showInactive': 'Hiện cả đơn vị ngừng hoạt động',
  'units.filter': 'Lọc cây theo tên hoặc mã',
  'units.empty': 'Chưa có đơn vị nào.',
  'units.tree': 'Cây đơn vị',
  'units.selectHint': 'Chọn một đơn vị trong cây để xem chi tiết và thao tác.',
  'units.details': 'Chi tiết đơn vị',
  'units.merge': 'Sáp nhập',
  'units.mergeTitle': 'Sáp nhập “{name}”',
  'units.mergeExplain':
    'Toàn bộ điểm cầu, người dùng và đơn vị trực thuộc của “{name}” sẽ được chuyển sang đơn vị đích; “{name}” sẽ ngừng hoạt động.',
  'units.mergeTarget': 'Đơn vị đích',
  'units.mergeSearch': 'Tìm đơn vị đích',
  'units.mergeChoose': 'Vui lòng chọn đơn vị đích',
  'units.mergeSelected': 'Sáp nhập “{from}” vào “{into}”',
  'units.mergeDone':
    'Đã sáp nhập “{from}” vào “{into}”: chuyển {endpoints} điểm cầu, {people} người, {children} đơn vị trực thuộc.',
  'units.mergeHistory': 'Lịch sử sáp nhập',
  'units.mergeHistoryEmpty': 'Chưa có lần sáp nhập nào liên quan đến đơn vị này.',
  'units.mergedInto': 'Đã sáp nhập vào {name}',
  'units.mergeFrom': 'Từ đơn vị',
  'units.mergeInto': 'Vào đơn vị',
  'units.mergedAt': 'Thời điểm',
  'units.mergedBy': 'Người thực hiện',
  'units.moved': 'Đã chuyển',
  'units.movedSummary': '{endpoints} điểm cầu, {people} người, {children} đơn vị',
  'units.created': 'Đã thêm đơn vị “{name}”',

  'picker.placeholder': 'Gõ tên hoặc mã để tìm…',
  'picker.noMatch': 'Không tìm thấy đơn vị',
  'picker.anyUnit': 'Tất cả đơn vị',
  'picker.results': 'Kết quả tìm đơn vị',

  'endpoints.title': 'Điểm cầu',
  'endpoints.add': 'Thêm điểm cầu',
  'endpoints.edit': 'Sửa điểm cầu',
  'endpoints.code': 'Mã điểm cầu',
  'endpoints.name': 'Tên điểm cầu',
  'endpoints.unit': 'Đơn vị',
  'endpoints.room': 'Phòng họp',
  'endpoints.deviceAccount': 'Tài khoản thiết bị',
  'endpoints.deviceAccountHint': 'Tên đăng nhập của thiết bị phòng họp; nếu chưa có, hệ thống sẽ tạo (chưa có mật khẩu).',
  'endpoints.lastSeen': 'Kết nối lần cuối',
  'endpoints.empty': 'Không có điểm cầu nào.',
  'endpoints.search': 'Tìm điểm cầu',
  'endpoints.created': 'Đã thêm điểm cầu “{name}”',

  'people.title': 'Người dùng',
  'people.add': 'Thêm người dùng',
  'people.edit': 'Sửa người dùng',
  'people.username': 'Tên đăng nhập',
  'people.fullName': 'Họ và tên',
  'people.position': 'Chức vụ',
  'people.unit': 'Đơn vị',
  'people.email': 'Thư điện tử',
  'people.phone': 'Số điện thoại',
  'people.contact': 'Liên hệ',
  'people.roles': 'Vai trò',
  'people.anyRole': 'Mọi vai trò',
  'people.password': 'Mật khẩu ban đầu',
  'people.passwordHint': 'Để trống nếu muốn đặt sau.',
  'people.setPassword': 'Đặt mật khẩu',
  'people.setPasswordTitle': 'Đặt mật khẩu cho {name}',
  'people.newPassword': 'Mật khẩu mới',
  'people.repeatPassword': 'Nhập lại mật khẩu',
  'people.passwordMismatch': 'Hai mật khẩu không khớp',
  'people.passwordSet': 'Đã đặt mật khẩu cho {name}',
  'people.empty': 'Không có người dùng nào.',
  'people.search': 'Tìm người dùng',
  'people.created': 'Đã thêm người dùng “{name}”',

  'filter.active': 'Tình trạng',
  'filter.unit': 'Lọc theo đơn vị',

  'import.title': 'Nhập / Xuất dữ liệu',
  'import.importHeading': 'Nhập từ tệp CSV',
  'import.kind': 'Loại dữ liệu',
  'import.kind.units': 'Đơn vị',
  'import.kind.endpoints': 'Điểm cầu',
  'import.kind.people': 'Người dùng',
  'import.columns': 'Dòng đầu tiên của tệp là dòng tiêu đề với các cột:',
  'import.rules':
    'Tệp CSV mã hóa UTF-8. Nhập theo nguyên tắc “tất cả hoặc không”: chỉ cần một dòng lỗi thì không dòng nào được nhập. Bản ghi trùng mã (hoặc tên đăng nhập) sẽ được cập nhật, bản ghi mới sẽ được thêm.',
  'import.peopleRoles': 'Cột roles: các vai trò ngăn cách bởi dấu |, ví dụ DELEGATE|CHAIR.',
  'import.file': 'Tệp CSV',
  'import.submit': 'Tải lên và nhập',
  'import.uploading': 'Đang tải lên… {percent}%',
  'import.processing': 'Đã tải lên, máy chủ đang xử lý…',
  'import.progress': 'Tiến độ tải lên',
  'import.chooseFile': 'Vui lòng chọn tệp CSV',
  'import.resultTitle': 'Nhập thành công',
  'import.result': 'Đã nhập {rows} dòng: thêm mới {created}, cập nhật {updated}.',
  'import.created': 'Thêm mới',
  'import.updated': 'Cập nhật',
  'import.rows': 'Số dòng',
  'import.errorsTitle': 'Không có dòng nào được nhập',
  'import.errorsExplain': 'Tệp có {count} lỗi. Sửa các dòng dưới đây rồi tải lên lại.',
  'import.line': 'Dòng',
  'import.column': 'Cột',
  'import.reason': 'Lý do',
  'import.exportHeading': 'Xuất ra tệp CSV',
  'import.exportExplain': 'Tệp xuất có cùng các cột như tệp nhập và mở được bằng Excel.',
  'import.export.units': 'Xuất đơn vị',
  'import.export.endpoints': 'Xuất điểm cầu',
  'import.export.people': 'Xuất người dùng',
  'import.exporting': 'Đang xuất…',
  'import.exported': 'Đã tải xuống {file}',

  'audit.title': 'Nhật ký hệ thống',
  'audit.at': 'Thời gian',
  'audit.actor': 'Người thực hiện',
  'audit.action': 'Hành động',
  'audit.target': 'Đối tượng',
  'audit.detail': 'Chi tiết',
  'audit.ip': 'Địa chỉ IP',
  'audit.verify': 'Kiểm tra chuỗi',
  'audit.verifying': 'Đang kiểm tra…',
  'audit.verifyOk': 'Chuỗi nhật ký toàn vẹn: đã kiểm tra {checked} bản ghi.',
  'audit.verifyBroken': 'Chuỗi nhật ký bị phá vỡ tại bản ghi #{id} ({reason}); đã kiểm tra {checked} bản ghi.',
  'audit.empty': 'Chưa có bản ghi nào.',

  'account.title': 'Tài khoản của tôi',
  'account.changePassword': 'Đổi mật khẩu',
  'account.current': 'Mật khẩu hiện tại',
  'account.new': 'Mật khẩu mới',
  'account.repeat': 'Nhập lại mật khẩu mới',
  'account.changed': 'Đã đổi mật khẩu',
} as const;

export type MsgKey = keyof typeof vi;
type Dict = Record<MsgKey, string>;

const en: Dict = {
  'app.name': 'HopSo – Họp số',
  'app.loading': 'Loading…',
  'app.skip': 'Skip to main content',

  'nav.main': 'Main navigation',
  'nav.home': 'Home',
  'nav.units': 'Units',
  'nav.endpoints': 'Endpoints',
  'nav.people': 'People',
  'nav.import': 'Import / Export',
  'nav.audit': 'Audit log',
  'nav.account': 'Account',

  'header.language': 'Language',
  'header.logout': 'Sign out',
  'header.user': 'Signed in as',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'login.title': 'Sign in',
  'login.subtitle': 'Online meetings and paperless work sessions',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.showPassword': 'Show password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.invalid': 'Wrong username or password',
  'login.tooMany': 'Too many attempts, please try again in {seconds} seconds',
  'login.tooManyLater': 'Too many attempts, please try again later',
  'login.expired': 'Your session has expired, please sign in again',

  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.edit': 'Edit',
  'common.search': 'Search',
  'common.searchPlaceholder': 'Type a name or code (accents optional)…',
  'common.active': 'Active',
  'common.inactive': 'Inactive',
  'common.deactivate': 'Deactivate',
  'common.activate': 'Activate',
  'common.all': 'All',
  'common.status': 'Status',
  'common.actions': 'Actions',
  'common.confirm': 'Confirm',
  'common.retry': 'Retry',
  'common.saved': 'Saved',
  'common.comingSoon': 'Coming soon',
  'common.open': 'Open',
  'common.readOnly': 'Read only',
  'common.noResults': 'No matching results',
  'common.optional': 'optional',
  'common.required': 'Required',
  'common.clear': 'Clear',
  'common.loadFailed': 'Could not load the data',
  'common.deactivateConfirm': 'Deactivate “{name}”?',
  'common.activateConfirm': 'Activate “{name}” again?',
  'common.deactivated': '“{name}” deactivated',
  'common.activated': '“{name}” activated',

  'pager.label': 'Pagination',
  'pager.summary': 'Page {page} of {pages} · {total} items',
  'pager.prev': 'Previous page',
  'pager.next': 'Next page',
  'pager.size': 'Rows per page',

  'error.network': 'Cannot reach the server. Please check the network and try again.',
  'error.unauthorized': 'Your session has expired, please sign in again',
  'error.forbidden': 'You are not allowed to do this',
  'error.notFound': 'Not found',
  'error.conflict': 'Duplicate data or an illegal change',
  'error.tooLarge': 'The upload is too large',
  'error.validation': 'Invalid data, please check the highlighted fields',
  'error.generic': 'Something went wrong (code {status})',

  'forbidden.title': 'Access denied',
  'forbidden.text': 'Your account is not allowed to view this page.',
  'forbidden.home': 'Back to home',
  'notFound.title': 'Page not found',
  'notFound.text': 'This address does not exist or has moved.',

  'home.greeting': 'Hello, {name}',
  'home.roles': 'Roles',
  'home.admin': 'Administration',
  'home.work': 'Work',
  'home.meetings': 'Meetings',
  'home.meetingsSoon': 'Meeting management: coming soon.',
  'home.myMeetings': 'My meetings',
  'home.myMeetingsSoon': 'Your meetings will be listed here in the next version.',
  'home.observer': 'Observe meetings',
  'home.observerSoon': 'Meetings you may observe will be listed here: coming soon.',
  'home.directory': 'Directory',
  'home.endpointsList': 'Endpoint list',
  'home.peopleList': 'People list',
  'home.myEndpoint': "This room's endpoint",
  'home.noEndpoint': 'No endpoint is linked to this device account yet.',
  'home.noRoles': 'This account has no role yet. Please contact an administrator.',

  'card.units': 'Administrative unit tree, create, edit, merge',
  'card.endpoints': 'Endpoints and meeting-room devices',
  'card.people': 'Accounts, roles, passwords',
  'card.import': 'CSV import and export',
  'card.audit': 'Audit trail and integrity check',
  'card.endpointsRead': 'Browse the endpoints',
  'card.peopleRead': 'Browse the people',

  'role.ADMIN': 'Administrator',
  'role.SECRETARY': 'Secretary',
  'role.CHAIR': 'Chair',
  'role.DELEGATE': 'Delegate',
  'role.ENDPOINT': 'Endpoint device',
  'role.OBSERVER': 'Observer',

  'level.PROVINCE': 'Province',
  'level.DISTRICT': 'District',
  'level.COMMUNE': 'Commune',
  'level.AGENCY': 'Agency',
  'level.PARTY': 'Party body',

  'status.OFFLINE': 'Offline',
  'status.CONNECTED': 'Connected',
  'status.IN_CONFERENCE': 'In conference',
  'status.DEGRADED': 'Degraded',

  'units.title': 'Units',
  'units.add': 'Add unit',
  'units.addChild': 'Add sub-unit',
  'units.edit': 'Edit unit',
  'units.code': 'Unit code',
  'units.name': 'Unit name',
  'units.level': 'Level',
  'units.parent': 'Parent unit',
  'units.noParent': 'None (root unit)',
  'units.endpointCount': '{n} endpoints',
  'units.peopleCount': '{n} people',
  'units.expand': 'Expand {name}',
  'units.collapse': 'Collapse {name}',
  'units.expandAll': 'Expand all',
  'units.collapseAll': 'Collapse all',
  'units.showInactive': 'Show inactive units too',
  'units.filter': 'Filter the tree by name or code',
  'units.empty': 'No units yet.',
  'units.tree': 'Unit tree',
  'units.selectHint': 'Select a unit in the tree to see its details and actions.',
  'units.details': 'Unit details',
  'units.merge': 'Merge',
  'units.mergeTitle': 'Merge “{name}”',
  'units.mergeExplain':
    'All endpoints, people and sub-units of “{name}” move to the target unit; “{name}” becomes inactive.',
  'units.mergeTarget': 'Target unit',
  'units.mergeSearch': 'Search the target unit',
  'units.mergeChoose': 'Please choose the target unit',
  'units.mergeSelected': 'Merge “{from}” into “{into}”',
  'units.mergeDone':
    'Merged “{from}” into “{into}”: moved {endpoints} endpoints, {people} people, {children} sub-units.',
  'units.mergeHistory': 'Merge history',
  'units.mergeHistoryEmpty': 'No merge involves this unit yet.',
  'units.mergedInto': 'Merged into {name}',
  'units.mergeFrom': 'From unit',
  'units.mergeInto': 'Into unit',
  'units.mergedAt': 'When',
  'units.mergedBy': 'By',
  'units.moved': 'Moved',
  'units.movedSummary': '{endpoints} endpoints, {people} people, {children} units',
  'units.created': 'Unit “{name}” added',

  'picker.placeholder': 'Type a name or code…',
  'picker.noMatch': 'No unit found',
  'picker.anyUnit': 'All units',
  'picker.results': 'Unit search results',

  'endpoints.title': 'Endpoints',
  'endpoints.add': 'Add endpoint',
  'endpoints.edit': 'Edit endpoint',
  'endpoints.code': 'Endpoint code',
  'endpoints.name': 'Endpoint name',
  'endpoints.unit': 'Unit',
  'endpoints.room': 'Meeting room',
  'endpoints.deviceAccount': 'Device account',
  'endpoints.deviceAccountHint': "Username of the room's device; created (without a password) when it does not exist.",
  'endpoints.lastSeen': 'Last seen',
  'endpoints.empty': 'No endpoints.',
  'endpoints.search': 'Search endpoints',
  'endpoints.created': 'Endpoint “{name}” added',

  'people.title': 'People',
  'people.add': 'Add person',
  'people.edit': 'Edit person',
  'people.username': 'Username',
  'people.fullName': 'Full name',
  'people.position': 'Position',
  'people.unit': 'Unit',
  'people.email': 'Email',
  'people.phone': 'Phone',
  'people.contact': 'Contact',
  'people.roles': 'Roles',
  'people.anyRole': 'Any role',
  'people.password': 'Initial password',
  'people.passwordHint': 'Leave empty to set it later.',
  'people.setPassword': 'Set password',
  'people.setPasswordTitle': 'Set the password of {name}',
  'people.newPassword': 'New password',
  'people.repeatPassword': 'Repeat the password',
  'people.passwordMismatch': 'The passwords do not match',
  'people.passwordSet': 'Password of {name} set',
  'people.empty': 'No people.',
  'people.search': 'Search people',
  'people.created': 'Person “{name}” added',

  'filter.active': 'State',
  'filter.unit': 'Filter by unit',

  'import.title': 'Import / Export',
  'import.importHeading': 'Import from a CSV file',
  'import.kind': 'Data kind',
  'import.kind.units': 'Units',
  'import.kind.endpoints': 'Endpoints',
  'import.kind.people': 'People',
  'import.columns': 'The first line of the file is the header with the columns:',
  'import.rules':
    'UTF-8 CSV file. All or nothing: a single bad row means no row is imported. Rows with an existing code (or username) are updated, new ones are created.',
  'import.peopleRoles': 'Column roles: roles separated by |, e.g. DELEGATE|CHAIR.',
  'import.file': 'CSV file',
  'import.submit': 'Upload and import',
  'import.uploading': 'Uploading… {percent}%',
  'import.processing': 'Uploaded, the server is processing…',
  'import.progress': 'Upload progress',
  'import.chooseFile': 'Please choose a CSV file',
  'import.resultTitle': 'Import succeeded',
  'import.result': 'Imported {rows} rows: {created} created, {updated} updated.',
  'import.created': 'Created',
  'import.updated': 'Updated',
  'import.rows': 'Rows',
  'import.errorsTitle': 'No row was imported',
  'import.errorsExplain': 'The file has {count} errors. Fix the rows below and upload again.',
  'import.line': 'Line',
  'import.column': 'Column',
  'import.reason': 'Reason',
  'import.exportHeading': 'Export to a CSV file',
  'import.exportExplain': 'Exported files have the same columns as the import and open in Excel.',
  'import.export.units': 'Export units',
  'import.export.endpoints': 'Export endpoints',
  'import.export.people': 'Export people',
  'import.exporting': 'Exporting…',
  'import.exported': 'Downloaded {file}',

  'audit.title': 'Audit log',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.target': 'Target',
  'audit.detail': 'Detail',
  'audit.ip': 'IP address',
  'audit.verify': 'Verify chain',
  'audit.verifying': 'Verifying…',
  'audit.verifyOk': 'The audit chain is intact: {checked} entries checked.',
  'audit.verifyBroken': 'The audit chain is broken at entry #{id} ({reason}); {checked} entries checked.',
  'audit.empty': 'No entries yet.',

  'account.title': 'My account',
  'account.changePassword': 'Change password',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.repeat': 'Repeat the new password',
  'account.changed': 'Password changed',
};

const DICTS: Record<Lang, Dict> = { vi, en };
const STORAGE_KEY = 'hopso.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'vi' || saved === 'en') return saved;
  } catch {
    // storage unavailable
  }
  return 'vi';
}

let current: Lang = initialLang();
const subscribers = new Set<() => void>();
if (typeof document !== 'undefined') document.documentElement.lang = current;

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage unavailable: the choice lasts until reload
  }
  document.documentElement.lang = lang;
  for (const s of subscribers) s();
}

function subscribe(cb: () => void): () => void {
  subscribers.add(cb);
  return () => subscribers.delete(cb);
}

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MsgKey, params?: Params): string {
  const text = DICTS[lang][key] ?? vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type TFunction = (key: MsgKey, params?: Params) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

/** Current language and translate function; re-renders when the language changes. */
export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribe, getLang);
  return useMemo(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang]);
}
