package handlers_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"kntc/handlers"
)

// The browser test drives Debian's Chromium against the real server on the
// loopback interface. It skips when no browser is installed, unless
// KNTC_REQUIRE_BROWSER is set (CI sets it). With KNTC_SCREENSHOTS=1 it also
// saves screenshots of the main pages at 1366×768 into docs/screenshots.

// findBrowser returns the path of a Chromium-like browser, or "".
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// tab is one browser tab on the test server.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	shot bool
}

// newTab starts a headless Chromium with a fresh profile.
func newTab(t *testing.T, base string) *tab {
	t.Helper()
	path := findBrowser()
	if path == "" {
		if os.Getenv("KNTC_REQUIRE_BROWSER") != "" {
			t.Fatal("KNTC_REQUIRE_BROWSER is set but no Chromium was found (apt-get install chromium)")
		}
		t.Skip("no Chromium installed; set KNTC_REQUIRE_BROWSER=1 to make this a failure")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser, so it must not carry a deadline:
	// the deadline would stop the browser with it.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return &tab{t: t, ctx: ctx, base: base, shot: os.Getenv("KNTC_SCREENSHOTS") == "1"}
}

// do runs steps, failing the test on error; each batch has a deadline so a
// stuck page cannot hang the run.
func (b *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// open loads a page of the server.
func (b *tab) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("main")))
}

// fill sets form fields by CSS selector.
func (b *tab) fill(fields ...string) {
	b.t.Helper()
	var steps []chromedp.Action[chromedp.Void]
	for i := 0; i+1 < len(fields); i += 2 {
		steps = append(steps, chromedp.SetValue(chromedp.CSS(fields[i]), fields[i+1]))
	}
	b.do(steps...)
}

// press clicks a button that submits a form and waits for the next page.
func (b *tab) press(sel string) int64 {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("click %s: %v", sel, err)
	}
	b.do(chromedp.WaitReady(chromedp.CSS("main")))
	return res.Status
}

// text returns the visible text of the page's main part.
func (b *tab) text() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		b.t.Fatalf("text: %v", err)
	}
	return s
}

// sees fails unless the page shows every part.
func (b *tab) sees(parts ...string) {
	b.t.Helper()
	text := b.text()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			b.t.Fatalf("page lacks %q:\n%s", p, text)
		}
	}
}

// has reports whether the page has an element matching sel.
func (b *tab) has(sel string) bool {
	b.t.Helper()
	n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
	if err != nil {
		b.t.Fatalf("query %s: %v", sel, err)
	}
	return n > 0
}

// location is the path and query of the current page.
func (b *tab) location() string {
	b.t.Helper()
	u, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	return strings.TrimPrefix(u, b.base)
}

// screenshot saves the visible page as docs/screenshots/name.png when
// KNTC_SCREENSHOTS=1.
func (b *tab) screenshot(name string) {
	b.t.Helper()
	if !b.shot {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	dir := filepath.Join("..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// phone runs fn with the viewport of a phone, 390×844, then goes back to
// 1366×768.
func (b *tab) phone(fn func()) {
	b.t.Helper()
	b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	b.do(chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("main")))
	fn()
	b.do(chromedp.EmulateViewport(1366, 768))
}

// login signs in through the form and returns where it landed.
func (b *tab) login(user string) string {
	b.t.Helper()
	b.open("/login")
	b.fill("#username", user, "#password", "matkhau-"+user)
	if st := b.press(`form[action="/login"] button`); st != http.StatusOK {
		b.t.Fatalf("login %s: status %d", user, st)
	}
	return b.location()
}

// logout signs out with the header's button.
func (b *tab) logout() {
	b.t.Helper()
	b.press(`form[action="/logout"] button`)
	if !strings.HasPrefix(b.location(), "/login") {
		b.t.Fatalf("after logout at %s", b.location())
	}
}

// postFromPage posts a form from inside the page with fetch, with the page's
// own CSRF token, as a user tampering with the page could, and returns the
// status.
func (b *tab) postFromPage(path, body string) int {
	b.t.Helper()
	js := `fetch(` + jsString(path) + `, {method: "POST", headers: {"Content-Type": "application/x-www-form-urlencoded"},
		body: "csrf=" + encodeURIComponent(document.querySelector("input[name=csrf]").value) + "&" + ` + jsString(body) + `}).then(r => r.status)`
	st, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("fetch %s: %v", path, err)
	}
	return st
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// cookieHeader returns the browser's cookies for the server as a header.
func (b *tab) cookieHeader() string {
	b.t.Helper()
	res, err := chromedp.Call(b.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{b.base}})
	if err != nil {
		b.t.Fatal(err)
	}
	var parts []string
	for _, c := range res.Cookies {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}

// newCaseParam finds the case a first visit opened in the page's address.
var newCaseParam = regexp.MustCompile(`[?&]case=(\d+)`)

// TestBrowserScenario: each role signs in; a letter is registered,
// classified and handled; a visit opens a case and a second visit returns to
// it; a dialogue is held; the month's workbook downloads and opens; and a
// refused action stays refused.
func TestBrowserScenario(t *testing.T) {
	e := newEnv(t)
	seedOffice(e)
	srv := httptest.NewServer(handlers.New(e.svc, nil))
	t.Cleanup(srv.Close)
	b := newTab(t, srv.URL)

	b.open("/")
	b.sees("Đăng nhập", "Tên đăng nhập", "Mật khẩu")
	b.screenshot("login")

	// Reception: register a letter and log two visits of one case.
	if at := b.login("reception"); at != "/" {
		t.Fatalf("reception landed on %s", at)
	}
	b.sees("Tổng quan tháng 6 năm 2022", "Sổ đơn", "Tiếp công dân")
	b.open("/letters/new")
	b.fill(`input[name="senders[0].full_name"]`, "Lê Văn Cường", `input[name="senders[0].id_number"]`, "072088001234",
		`input[name="senders[0].address"]`, "Ấp Bàu Sen, xã Long Thành Nam", "#f-subject", "Khiếu nại việc bồi thường khi thu hồi đất",
		"#f-source", "post")
	b.press(`button[value="save"]`)
	letterPath := b.location()
	if !strings.HasPrefix(letterPath, "/letters/") {
		t.Fatalf("after registering at %s", letterPath)
	}
	letterPath = strings.SplitN(letterPath, "?", 2)[0]
	b.sees("Đã vào sổ đơn.", "Lê Văn Cường", "Khiếu nại việc bồi thường khi thu hồi đất")
	if b.has("#classify") || b.has(`form[action$="/classify"]`) {
		t.Fatal("reception sees the classify form")
	}
	// The refused action stays refused even when posted directly.
	if st := b.postFromPage(letterPath+"/classify", "domain=land&kind=complaint&eligible=true&competent=true&version=1"); st != http.StatusForbidden {
		t.Fatalf("reception classify: status %d, want 403", st)
	}

	b.open("/reception")
	b.fill(`input[name="representative.full_name"]`, "Phạm Thị Dung", `input[name="representative.id_number"]`, "072190004321",
		"#f-visit-content", "Đề nghị xem xét lại giá bồi thường đất ở tại ấp Bàu Sen", "#f-visit-outcome", "guided",
		"#f-visit-people_count", "2")
	b.press(`.actions button[value="save"]`)
	b.sees("Đã ghi lượt tiếp công dân và mở vụ việc mới.", "Phạm Thị Dung")
	m := newCaseParam.FindStringSubmatch(b.location())
	if m == nil {
		t.Fatalf("no new case in %s", b.location())
	}
	caseID := m[1]
	b.fill(`input[name="case_q"]`, caseID)
	b.press(`button[value="find_case"]`)
	b.do(chromedp.Click(chromedp.CSS(`input[name="case_id"][value="` + caseID + `"]`)))
	b.fill(`input[name="representative.full_name"]`, "Phạm Thị Dung", "#f-visit-content", "Trở lại hỏi kết quả xem xét giá bồi thường",
		"#f-visit-outcome", "letter_received")
	b.press(`.actions button[value="save"]`)
	b.sees("Đã ghi lượt tiếp công dân.")
	b.screenshot("reception")
	b.phone(func() {
		// At phone width the columns stack and nothing needs sideways scrolling.
		if w, _ := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 390 {
			t.Errorf("reception page is %d px wide on a 390 px phone", w)
		}
		b.screenshot("reception-phone")
	})
	b.open("/cases/" + caseID)
	b.sees("Đề nghị xem xét lại giá bồi thường", "Trở lại hỏi kết quả", "Các lượt tiếp (2)")
	b.logout()

	// Legal staff: classify and handle the letter, hold a dialogue.
	b.login("legal")
	b.open(letterPath)
	b.fill("#f-classify-domain", "land", "#f-classify-kind", "complaint", "#f-classify-eligible", "true",
		"#f-classify-competent", "false", "#f-classify-topic", "land_housing")
	b.press(`form[action$="/classify"] button[type="submit"]`)
	b.sees("Đã phân loại đơn.", "liên quan đến quyền sử dụng đất (đất đai)")
	b.fill("#f-handle-outcome", "transferred", "#f-handle-transferred_to", "UBND huyện Châu Thành")
	b.press(`form[action$="/handle"] button[type="submit"]`)
	b.sees("Đã ghi hướng xử lý đơn.", "chuyển cơ quan có thẩm quyền", "UBND huyện Châu Thành")
	b.screenshot("letter")
	b.open("/dialogues")
	b.fill("#f-new-chaired_by", "Phó Chánh Văn phòng Nguyễn Văn Hòa", "#f-new-location", "Trụ sở Tiếp công dân tỉnh",
		"#f-new-case_ids", caseID)
	b.press(`form[action="/dialogues"][method="post"] button[type="submit"]`)
	b.sees("Đã lưu.", "Phó Chánh Văn phòng Nguyễn Văn Hòa")
	b.open("/cases/" + caseID)
	b.sees("Đối thoại do Phó Chánh Văn phòng Nguyễn Văn Hòa chủ trì")
	b.screenshot("case")
	b.logout()

	// Leader: the letter's history, the dashboard, the reports and the workbook.
	b.login("leader")
	b.screenshot("dashboard")
	b.open(letterPath)
	b.sees("Lịch sử thay đổi", "phân loại", "xử lý")
	b.open("/letters")
	b.sees("Sổ theo dõi đơn", "Khiếu nại việc bồi thường khi thu hồi đất")
	b.screenshot("letters")
	b.open("/reports")
	b.sees("Số liệu tháng 6 năm 2022", "Đoạn báo cáo")
	b.screenshot("reports")
	href, err := chromedp.Run(b.ctx, chromedp.AttributeValue(chromedp.CSS(`a[download]`), "href"))
	if err != nil || !href.Exists {
		t.Fatalf("workbook link: %v %v", href, err)
	}
	checkWorkbook(t, srv.URL+href.Value, b.cookieHeader())
	b.logout()

	// Administrator: only the admin pages.
	if at := b.login("admin"); at != "/admin/users" {
		t.Fatalf("admin landed on %s", at)
	}
	b.sees("Người dùng", "Nhật ký")
	if b.has(`nav a[href="/letters"]`) {
		t.Fatal("admin sees the register in the menu")
	}
	b.open("/letters")
	b.sees("Không có quyền")
}

// checkWorkbook downloads the workbook with the browser's cookies and opens it.
func checkWorkbook(t *testing.T, url, cookies string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Cookie", cookies)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("workbook: status %d, type %q\n%.300s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("workbook does not open: %v", err)
	}
	defer f.Close()
	if idx, err := f.GetSheetIndex("Tổng hợp"); err != nil || idx < 0 {
		t.Fatalf("workbook sheets %v", f.GetSheetList())
	}
}
