/**
 * The web admin's article deletion: a form (session + CSRF) and a bearer script delete an article for good, the
 * reader stops showing it at once (its cache follows the store's change mark), and a bad form is refused in Arabic.
 * Real SQLite through the whole app (test/web/fixture-app.ts), a store of its own: the deletions change it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type FixtureApp, openFixtureApp } from "../../../test/web/fixture-app.ts";

let f: FixtureApp;
beforeAll(async () => {
  f = await openFixtureApp();
});
afterAll(() => f.close());

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  f.app.request(path, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost", ...headers },
  });

async function login(): Promise<{ cookie: string; csrf: string }> {
  const res = await post("/admin/login", { token: ADMIN_TOKEN });
  const cookie = /akhbar_admin=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? "";
  const admin = await (await f.app.request("/admin", { headers: { cookie } })).text();
  expect(admin).toContain('action="/admin/articles/delete"');
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(admin)?.[1] ?? "" };
}

const done = (res: Response) =>
  new URL(res.headers.get("location") ?? "", "http://localhost").searchParams.get("done");

describe("admin: deleting an article", () => {
  it("deletes the article a reader link names; the reader stops showing it at once", async () => {
    expect((await f.app.request("/article/fx-002")).status).toBe(200);
    const searched = async () =>
      (await (await f.app.request("/api/search?q=%D8%A3%D9%85%D8%B1%D9%8A%D9%83%D8%A7")).json()) as {
        hits: { id: string; copies: { id: string }[] }[];
      };
    const before = (await searched()).hits.flatMap((h) => [h.id, ...h.copies.map((c) => c.id)]);
    expect(before).toContain("fx-002");
    const { cookie, csrf } = await login();
    const res = await post(
      "/admin/articles/delete",
      { _csrf: csrf, article: "http://localhost/article/fx-002", reason: "طلب الناشر" },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect(done(res)).toMatch(/^حُذف المقال «.+» \([a-z0-9.-]+\) نهائيًا/);
    expect((await f.app.request("/article/fx-002")).status).toBe(404);
    const after = (await searched()).hits.flatMap((h) => [h.id, ...h.copies.map((c) => c.id)]);
    expect(after).not.toContain("fx-002");
    expect(after.length).toBe(before.length - 1);
    expect(await f.storage.articles.getArticle("fx-002")).toBeNull();
  });

  it("refuses an unknown article, a reference that names none and a blank reason, in Arabic, deleting nothing", async () => {
    const { cookie, csrf } = await login();
    const count = await f.storage.articles.countArticles();
    const unknown = await post(
      "/admin/articles/delete",
      { _csrf: csrf, article: "fx-nope", reason: "x" },
      { cookie },
    );
    expect(done(unknown)).toBe("!«المقال»: لا يوجد مقال بهذا المعرّف أو الرابط (ربما حُذف من قبل).");
    const notId = await post(
      "/admin/articles/delete",
      { _csrf: csrf, article: "two words", reason: "x" },
      { cookie },
    );
    expect(done(notId)).toMatch(/^!«المقال»/);
    const blank = await post(
      "/admin/articles/delete",
      { _csrf: csrf, article: "fx-001", reason: "  " },
      { cookie },
    );
    expect(done(blank)).toMatch(/^!«سبب الحذف»: مطلوب/);
    const forged = await post(
      "/admin/articles/delete",
      { _csrf: "forged", article: "fx-001", reason: "x" },
      { cookie },
    );
    expect(forged.status).toBe(403);
    expect(await f.storage.articles.countArticles()).toBe(count);
  });

  it("takes the article's story off «في الأخبار» at once, though the page keeps its answers up to 30 s", async () => {
    const listed = async () => ({
      page: await (await f.app.request("/entities")).text(),
      api: JSON.stringify(await (await f.app.request("/api/entities")).json()),
    });
    const before = await listed();
    expect(before.page).toContain('href="/story/fx-004"');
    expect(before.api).toContain('"id":"fx-004"');
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const res = await post("/admin/articles/delete", { article: "fx-004", reason: "takedown" }, auth);
    expect(await res.json()).toMatchObject({ ok: true });
    const after = await listed();
    expect(after.page).not.toContain('href="/story/fx-004"');
    expect(after.api).not.toContain('"id":"fx-004"');
  });

  it("answers a bearer script in JSON", async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const ok = await post("/admin/articles/delete", { article: "fx-003", reason: "wrong import" }, auth);
    expect(await ok.json()).toMatchObject({ ok: true });
    const again = await post("/admin/articles/delete", { article: "fx-003", reason: "wrong import" }, auth);
    expect(await again.json()).toEqual({ ok: false, message: 'admin: no article with id "fx-003"' });
  });
});
