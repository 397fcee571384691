/**
 * Admin pages: the login form, the source actions (add a source, import OPML, disable) and deleting an article,
 * with CSRF tokens.
 * Pure render.
 */
import { DELETE_REASON_MAX_LENGTH } from "../../../pipeline/delete-articles.ts";
import type { SourceSummary } from "../../../ports/source-store.ts";
import { CSRF_FIELD } from "../admin-auth.ts";
import { html, type SafeHtml } from "../html.ts";

export function renderAdminOff(): SafeHtml {
  return html`<h1>الإدارة</h1>
<div class="empty"><p>الإدارة معطّلة: لم يُضبط المتغير <code dir="ltr">AKHBAR_ADMIN_TOKEN</code>.</p>
<p>اضبطه برمز من ${16} حرفًا على الأقل ثم أعد تشغيل الخادم.</p></div>`;
}

export function renderAdminLogin(error: string | null): SafeHtml {
  return html`<h1>الإدارة</h1>
${error === null ? "" : html`<div class="error-box" role="alert"><p>${error}</p></div>`}
<form class="filters" method="post" action="/admin/login">
<label class="field" for="admin-token">رمز الإدارة
<input id="admin-token" type="password" name="token" autocomplete="current-password" dir="ltr" required></label>
<button type="submit">دخول</button>
</form>`;
}

export function renderAdminHome(
  sources: SourceSummary[],
  csrf: string,
  message: { ok: boolean; text: string } | null,
): SafeHtml {
  const token = html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
  return html`<h1>الإدارة</h1>
${message === null ? "" : html`<div class="${message.ok ? "note" : "error-box"}" role="status"><p dir="auto">${message.text}</p></div>`}
<div class="admin-grid">
<section class="aside-panel" aria-labelledby="add-h">
<h2 id="add-h">إضافة مصدر</h2>
<form method="post" action="/admin/sources">${token}
<label class="field">المعرّف (حروف لاتينية صغيرة وأرقام وشرطات)<input type="text" name="id" pattern="[a-z0-9][a-z0-9-]{0,62}" required dir="ltr"></label>
<label class="field">الاسم<input type="text" name="name" required dir="auto" maxlength="200"></label>
<label class="field">الموقع<input type="url" name="homepage" dir="ltr" placeholder="https://"></label>
<label class="field">البلد (رمز من حرفين)<input type="text" name="country" pattern="[A-Za-z]{2}" dir="ltr" maxlength="2"></label>
<label class="field">رابط الخلاصة<input type="url" name="feed" dir="ltr" placeholder="https://"></label>
<button type="submit">أضف</button>
</form>
</section>
<section class="aside-panel" aria-labelledby="opml-h">
<h2 id="opml-h">استيراد OPML</h2>
<form method="post" action="/admin/opml">${token}
<label class="field">محتوى ملف OPML<textarea name="opml" dir="ltr" required></textarea></label>
<button type="submit">استورد</button>
</form>
</section>
</div>
<section class="aside-panel" aria-labelledby="delete-h">
<h2 id="delete-h">حذف مقال</h2>
<p>يُحذف المقال نهائيًا من القصص والبحث، ولا يعود إن ظهر ثانية في الخلاصة أو الاستيراد.</p>
<form method="post" action="/admin/articles/delete" data-confirm="حذف هذا المقال نهائيًا؟">${token}
<label class="field">معرّف المقال أو رابطه في القارئ أو في موقع الناشر<input type="text" name="article" required dir="ltr" placeholder="/article/… أو https://…"></label>
<label class="field">سبب الحذف<input type="text" name="reason" required dir="auto" maxlength="${DELETE_REASON_MAX_LENGTH}"></label>
<button type="submit" class="secondary">احذف</button>
</form>
</section>
<section aria-labelledby="disable-h">
<h2 id="disable-h">إيقاف مصدر</h2>
<div class="table-scroll"><table>
<thead><tr><th scope="col">المصدر</th><th scope="col">المقالات</th><th scope="col">إجراء</th></tr></thead>
<tbody>${sources.map(
    (s) => html`<tr><th scope="row"><bdi>${s.name}</bdi></th><td class="num">${s.articleCount}</td><td>
<form method="post" action="/admin/sources/${encodeURIComponent(s.id)}/disable" data-confirm="إيقاف جلب ${s.name}؟">${token}
<button type="submit" class="secondary">أوقف</button></form></td></tr>`,
  )}</tbody></table></div>
</section>
<form method="post" action="/admin/logout">${token}<button type="submit" class="secondary">خروج</button></form>`;
}
