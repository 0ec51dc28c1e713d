import { describe, expect, it } from 'vitest';
import { errorText, formMessages } from '../lib/errors';
import { i18next } from '../lib/i18n';
import { ApiError, fieldErrors, fieldKey, isNetworkError, isStale, networkError, parseRetryAfter, toProblem } from './problem';

const vi = i18next.getFixedT('vi');
const en = i18next.getFixedT('en');

const problem = (status: number, body: unknown) => new ApiError(toProblem(status, 'Status text', body));

describe('reading problem+json', () => {
  it('keeps the fields of a problem answer, code and params included', () => {
    const p = toProblem(400, 'Bad Request', {
      type: 'urn:hopso:problem:common.invalid',
      code: 'common.invalid',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      detail: 'code: Bắt buộc nhập',
      params: { count: 1 },
      errors: [{ field: 'create.body.code', code: 'common.required', params: {}, message: 'Bắt buộc nhập' }],
      errorId: 'abc',
    });
    expect(p.code).toBe('common.invalid');
    expect(p.params).toEqual({ count: 1 });
    expect(p.errors).toEqual([{ field: 'create.body.code', code: 'common.required', params: {}, message: 'Bắt buộc nhập' }]);
    expect(p.errorId).toBe('abc');
    expect(p.rows).toBeUndefined();
  });

  it('reads import rows', () => {
    const p = toProblem(422, 'Unprocessable', { status: 422, rows: [{ line: 3, column: 'unit', code: 'import.unknown-unit', reason: 'Không có đơn vị KHONG-CO' }] });
    expect(p.rows).toEqual([{ line: 3, column: 'unit', code: 'import.unknown-unit', params: undefined, reason: 'Không có đơn vị KHONG-CO' }]);
  });

  it('copes with answers that are not problems, keeping none of their (untranslated) text', () => {
    expect(toProblem(502, 'Bad Gateway', 'upstream down')).toEqual({ status: 502, errors: [] });
    expect(toProblem(500, 'Server Error', null)).toEqual({ status: 500, errors: [] });
    expect(errorText(problem(502, '<html>Bad Gateway</html>'), vi)).toBe('Đã có lỗi xảy ra (mã 502)');
    expect(toProblem(400, 'Bad', { errors: 'nope', status: 'x' }).status).toBe(400);
    expect(toProblem(400, 'Bad', { errors: [null, 3] }).errors).toEqual([]);
  });

  it('reads Retry-After as seconds or a date', () => {
    const now = Date.parse('2026-11-23T01:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Mon, 23 Nov 2026 01:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('problem field errors → form inputs', () => {
  it('uses the last segment of the field path without an index', () => {
    expect(fieldKey('create.body.code')).toBe('code');
    expect(fieldKey('participants[0].personId')).toBe('personId');
    expect(fieldKey('invite.body.participants[2]')).toBe('participants');
    expect(fieldKey(undefined)).toBe('');
  });

  it('joins several messages for one input', () => {
    expect(
      fieldErrors([
        { field: 'update.body.code', code: 'field.required', message: 'Bắt buộc nhập' },
        { field: 'code', code: 'field.too-long', message: 'Tối đa 64 ký tự' },
        { field: 'name', code: 'field.required', message: 'Bắt buộc nhập' },
      ]),
    ).toEqual({ code: 'Bắt buộc nhập; Tối đa 64 ký tự', name: 'Bắt buộc nhập' });
  });

  it('shows the generic message and the fields that have no input of their own', () => {
    const err = problem(400, {
      status: 400,
      detail: '2 lỗi',
      errors: [
        { field: 'create.body.code', message: 'Bắt buộc nhập' },
        { field: 'create.body.secret', message: 'không được phép' },
      ],
    });
    const m = formMessages(err, vi, { shownFields: ['code', 'name'] });
    expect(m.fieldErrors).toEqual({ code: 'Bắt buộc nhập', secret: 'không được phép' });
    // the field's (English) name is not shown, only the server's localised message
    expect(m.error).toBe('Dữ liệu không hợp lệ, vui lòng kiểm tra các ô được đánh dấu — không được phép');
  });

  it('lets a form merge field errors onto one input', () => {
    const err = problem(400, { status: 400, errors: [{ field: 'quorum.numerator', message: 'tối thiểu 1' }] });
    const m = formMessages(err, vi, {
      shownFields: ['quorum', 'numerator'],
      mapFieldErrors: (f) => ({ ...f, quorum: f.numerator ?? '' }),
    });
    expect(m.fieldErrors.quorum).toBe('tối thiểu 1');
    expect(m.error).toBe('Dữ liệu không hợp lệ, vui lòng kiểm tra các ô được đánh dấu');
  });

  it('has nothing to show without an error', () => {
    expect(formMessages(null, vi)).toEqual({ fieldErrors: {}, error: null });
  });
});

describe('messages for failed requests', () => {
  it("shows the server's localised text when there is one", () => {
    expect(errorText(problem(409, { status: 409, detail: 'Mã đơn vị đã tồn tại' }), vi)).toBe('Mã đơn vị đã tồn tại');
    expect(errorText(problem(403, { status: 403, detail: 'You may not do this' }), en)).toBe('You may not do this');
    expect(errorText(problem(500, { status: 500, detail: 'Lỗi hệ thống' }), vi)).toBe('Lỗi hệ thống');
  });

  it('falls back to a generic text per status in the UI language', () => {
    expect(errorText(problem(403, {}), vi)).toBe('Bạn không có quyền thực hiện thao tác này');
    expect(errorText(problem(404, {}), en)).toBe('Not found');
    expect(errorText(problem(503, {}), vi)).toBe('Đã có lỗi xảy ra (mã 503)');
    expect(errorText(networkError(), vi)).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.');
    expect(isNetworkError(networkError())).toBe(true);
  });

  it('counts the wait of a 429 in the right plural form', () => {
    const wait = (s: number) => new ApiError(toProblem(429, 'Too Many', { status: 429 }), s);
    expect(errorText(wait(1), en)).toBe('Too many attempts, please try again in 1 second');
    expect(errorText(wait(30), en)).toBe('Too many attempts, please try again in 30 seconds');
    expect(errorText(wait(30), vi)).toBe('Quá nhiều lần thử, vui lòng thử lại sau 30 giây');
  });

  it('never shows the (English) message of an error that is not from the server', () => {
    expect(errorText(new Error('missing id'), vi)).toBe('Đã có lỗi xảy ra trong ứng dụng. Vui lòng tải lại trang rồi thử lại.');
    expect(errorText('boom', en)).toBe('Something went wrong in the app. Please reload the page and try again.');
  });

  it('recognises "someone else saved first" and shows the server text for it', () => {
    const stale = problem(409, { type: 'urn:hopso:problem:stale', code: 'stale', title: 'Dữ liệu đã thay đổi', status: 409, detail: 'Dữ liệu này vừa được người khác thay đổi. Hãy tải lại rồi sửa tiếp' });
    expect(isStale(stale)).toBe(true);
    expect(errorText(stale, vi)).toBe('Dữ liệu này vừa được người khác thay đổi. Hãy tải lại rồi sửa tiếp');
    expect(errorText(problem(409, { code: 'stale', status: 409 }), vi)).toBe('Dữ liệu đã được người khác thay đổi. Hãy tải lại rồi sửa tiếp.');
    expect(isStale(problem(409, { code: 'meeting.wrong-state', status: 409 }))).toBe(false);
    expect(isStale(problem(400, { code: 'stale', status: 400 }))).toBe(false);
  });

  it('uses the title when there is no detail, and names the error id of a fault', () => {
    expect(errorText(problem(409, { code: 'meeting.wrong-state', title: 'Không thực hiện được', status: 409 }), vi)).toBe('Không thực hiện được');
    expect(errorText(problem(500, { status: 500, errorId: 'e-42' }), vi)).toBe('Đã có lỗi xảy ra (mã 500, mã sự cố e-42)');
    expect(errorText(problem(500, { status: 500, detail: 'Lỗi hệ thống (mã sự cố e-42)', errorId: 'e-42' }), vi)).toBe('Lỗi hệ thống (mã sự cố e-42)');
  });
});
