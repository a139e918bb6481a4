package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// Bounds of a load test: it is a tool for one's own server, not a way to
// flood someone else's.
const (
	loadMaxRate     = 5000
	loadMaxDuration = 30 * time.Minute
	loadMaxRequests = 3_000_000
	loadMaxInFlight = 4096
)

// loadKind is one kind of request in the mix.
type loadKind int

const (
	loadRead loadKind = iota
	loadList
	loadCreate
	loadStats
	loadKinds
)

// loadKindNames name the kinds in the report.
var loadKindNames = [loadKinds]string{"xem một đơn", "danh sách/tìm", "tạo đơn", "thống kê"}

// loadOptions are the command line of a load test.
type loadOptions struct {
	base        *url.URL
	rate        int
	duration    time.Duration
	warmup      time.Duration // sent before the measured run, not counted
	username    string
	password    string
	mix         [3]int // list and read, create, statistics, in percent
	timeout     time.Duration
	seed        uint64
	allowRemote bool
}

// runLoadtest drives a running kntc server at a constant arrival rate and
// reports the latency of each kind of request.
//
// It is open-loop: request i is sent at start + i/rate whatever became of
// the ones before, so a slow server faces a growing queue, as it would from
// real users, instead of being sent less work (a closed loop of N workers
// measures the server's pace, not its latency at a given load). Latency is
// counted from the moment a request was due, so a late client does not
// hide a slow server either.
func runLoadtest(ctx context.Context, args []string, env cmdEnv) error {
	fs := newFlags("loadtest", "loadtest --url U --rate R --duration D [--warmup D] --username U --password P [--mix 70,20,10] [--allow-remote]", env.stderr)
	rawURL := fs.String("url", "http://127.0.0.1:8080", "địa chỉ máy chủ kntc cần thử tải")
	rate := fs.Int("rate", 100, "số yêu cầu mỗi giây (tốc độ đến cố định, từ 1 đến 5000)")
	duration := fs.Duration("duration", 10*time.Second, "thời gian thử, ví dụ 60s (tối đa 30m)")
	warmup := fs.Duration("warmup", 0, "thời gian khởi động ở cùng tốc độ trước khi đo, ví dụ 15s (không tính vào kết quả)")
	username := fs.String("username", "", "người dùng đăng nhập (nên là cán bộ tiếp dân: được tạo đơn và xem thống kê)")
	password := fs.String("password", "", "mật khẩu (hoặc biến KNTC_LOADTEST_PASSWORD)")
	mix := fs.String("mix", "70,20,10", "tỷ lệ phần trăm: xem và danh sách, tạo đơn, thống kê")
	timeout := fs.Duration("timeout", 30*time.Second, "thời gian chờ tối đa của một yêu cầu")
	seed := fs.Uint64("seed", 1, "hạt giống ngẫu nhiên của chuỗi yêu cầu")
	allowRemote := fs.Bool("allow-remote", false, "cho phép thử máy chủ không ở trên máy này (chỉ với máy chủ của mình)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *password == "" {
		*password = os.Getenv("KNTC_LOADTEST_PASSWORD")
	}
	o, err := parseLoadOptions(*rawURL, *rate, *duration, *username, *password, *mix, *timeout, *seed, *allowRemote)
	if err != nil {
		return err
	}
	if o.warmup = *warmup; o.warmup < 0 || o.warmup > loadMaxDuration ||
		int64(o.rate)*int64((o.duration+o.warmup)/time.Second) > loadMaxRequests {
		return usageError{fmt.Sprintf("--warmup phải từ 0 đến 30m, và cả lúc khởi động lẫn lúc đo không quá %d yêu cầu", loadMaxRequests)}
	}
	lt := newLoadTest(o)
	if err := lt.prepare(ctx); err != nil {
		return err
	}
	if o.warmup > 0 {
		lt.warmUp(ctx, env.stdout)
	}
	fmt.Fprintf(env.stdout, "Thử tải %s: %d yêu cầu/giây trong %s (%d yêu cầu), tỷ lệ %d/%d/%d.\n",
		o.base.Redacted(), o.rate, o.duration, lt.total(), o.mix[0], o.mix[1], o.mix[2])
	res := lt.run(ctx)
	res.print(env.stdout)
	if failed := res.failed(); failed > 0 {
		for _, m := range res.samples {
			fmt.Fprintln(env.stderr, m)
		}
		return fmt.Errorf("%d yêu cầu thất bại", failed)
	}
	if ctx.Err() != nil {
		return errors.New("dừng trước khi hết thời gian thử")
	}
	return nil
}

// parseLoadOptions checks the command line.
func parseLoadOptions(rawURL string, rate int, duration time.Duration, username, password, mix string,
	timeout time.Duration, seed uint64, allowRemote bool) (loadOptions, error) {
	o := loadOptions{rate: rate, duration: duration, username: username, password: password,
		timeout: timeout, seed: seed, allowRemote: allowRemote}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return o, usageError{fmt.Sprintf("--url %q không phải địa chỉ http(s) hợp lệ", rawURL)}
	}
	if !allowRemote && !isLoopbackHost(u.Hostname()) {
		return o, usageError{fmt.Sprintf("--url %s không ở trên máy này; chỉ thử tải máy chủ của mình, thêm --allow-remote nếu đúng là vậy", u.Hostname())}
	}
	o.base = u
	switch {
	case rate < 1 || rate > loadMaxRate:
		return o, usageError{fmt.Sprintf("--rate phải từ 1 đến %d", loadMaxRate)}
	case duration < time.Second || duration > loadMaxDuration:
		return o, usageError{"--duration phải từ 1s đến 30m"}
	case int64(rate)*int64(duration/time.Second) > loadMaxRequests:
		return o, usageError{fmt.Sprintf("quá %d yêu cầu; giảm --rate hoặc --duration", loadMaxRequests)}
	case timeout <= 0:
		return o, usageError{"--timeout phải lớn hơn 0"}
	case username == "" || password == "":
		return o, usageError{"cần --username và --password (hoặc KNTC_LOADTEST_PASSWORD)"}
	}
	parts := strings.Split(mix, ",")
	sum := 0
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if len(parts) != 3 || err != nil || n < 0 {
			return o, usageError{"--mix là ba số nguyên không âm, ví dụ 70,20,10"}
		}
		o.mix[i] = n
		sum += n
	}
	if sum != 100 {
		return o, usageError{"tổng các tỷ lệ của --mix phải bằng 100"}
	}
	return o, nil
}

// isLoopbackHost reports whether host names this machine.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// loadTest is one run against a server.
type loadTest struct {
	o      loadOptions
	client *http.Client
	token  string
	// What the requests are drawn from, read from the server before the
	// clock starts.
	ids    []int
	months []string // YYYY-MM, the latest first
	names  []string
	people []loadSender
	today  string // the latest date a letter was received on
}

func newLoadTest(o loadOptions) *loadTest {
	transport := &http.Transport{
		Proxy:               nil, // straight to the server under test
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        loadMaxInFlight,
		MaxIdleConnsPerHost: loadMaxInFlight,
		IdleConnTimeout:     90 * time.Second,
	}
	return &loadTest{o: o, client: &http.Client{Transport: transport, Timeout: o.timeout}}
}

// total is the number of requests the run sends.
func (lt *loadTest) total() int { return lt.o.rate * int(lt.o.duration/time.Second) }

// loadLetter is what the preparation reads of a listed letter.
type loadLetter struct {
	ID                int          `json:"id"`
	ReceivedOn        string       `json:"received_on"`
	Senders           []loadSender `json:"senders"`
	IdentityProtected bool         `json:"identity_protected"`
}

// loadSender is a sender the created letters reuse.
type loadSender struct {
	FullName string `json:"full_name"`
	IDNumber string `json:"id_number,omitempty"`
	Address  string `json:"address,omitempty"`
}

// prepare logs in and reads the ids, months and sender names the requests
// will use.
func (lt *loadTest) prepare(ctx context.Context) error {
	var login struct {
		Token string `json:"token"`
	}
	body := map[string]string{"username": lt.o.username, "password": lt.o.password}
	if err := lt.call(ctx, http.MethodPost, "/api/v1/auth/login", body, http.StatusOK, &login); err != nil {
		return fmt.Errorf("không đăng nhập được: %w", err)
	}
	lt.token = login.Token
	var latest struct {
		Items []loadLetter `json:"items"`
	}
	if err := lt.call(ctx, http.MethodGet, "/api/v1/letters?per_page=1&sort=-received_on", nil, http.StatusOK, &latest); err != nil {
		return err
	}
	if len(latest.Items) == 0 {
		return errors.New("sổ đơn chưa có đơn nào; nạp dữ liệu trước, ví dụ: kntc demo --letters 1000000")
	}
	lt.today = latest.Items[0].ReceivedOn
	last, err := time.Parse(time.DateOnly, lt.today)
	if err != nil {
		return fmt.Errorf("ngày nhận đơn %q: %w", lt.today, err)
	}
	for i := range 12 {
		lt.months = append(lt.months, time.Date(last.Year(), last.Month()-time.Month(i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"))
	}
	for _, m := range lt.months[:3] {
		from, to := monthRange(m)
		var page struct {
			Items []loadLetter `json:"items"`
		}
		if err := lt.call(ctx, http.MethodGet, "/api/v1/letters?per_page=200&from="+from+"&to="+to, nil, http.StatusOK, &page); err != nil {
			return err
		}
		for _, l := range page.Items {
			lt.ids = append(lt.ids, l.ID)
			if !l.IdentityProtected && len(l.Senders) > 0 && l.Senders[0].FullName != "" {
				lt.names = append(lt.names, l.Senders[0].FullName)
				lt.people = append(lt.people, l.Senders[0])
			}
		}
	}
	if len(lt.ids) == 0 || len(lt.names) == 0 {
		return errors.New("không đọc được đơn mẫu để thử tải")
	}
	return nil
}

// warmUp sends the mix at the same rate for o.warmup before the measured
// run, and reports it apart: a server (and its database's connections)
// faced with a step in the load works through a transient (new
// connections, cold caches) that the measured minute should not include
// unless that is what is measured. It draws its requests from another
// seed, so the measured run sends what it would without a warm-up.
func (lt *loadTest) warmUp(ctx context.Context, out io.Writer) {
	warm := *lt
	warm.o.duration, warm.o.seed = lt.o.warmup, lt.o.seed+1
	res := warm.run(ctx)
	fmt.Fprintf(out, "Khởi động %s ở cùng tốc độ: %d yêu cầu, lỗi %d (không tính vào kết quả).\n",
		lt.o.warmup, warm.total(), res.failed())
}

// monthRange returns the first and last day of a YYYY-MM month.
func monthRange(month string) (from, to string) {
	first, _ := time.Parse("2006-01", month)
	return first.Format(time.DateOnly), first.AddDate(0, 1, -1).Format(time.DateOnly)
}

// loadRequest is one planned request.
type loadRequest struct {
	kind   loadKind
	method string
	path   string
	body   any
	want   int
}

// plan draws the next request. Of the list-and-read share, half reads one
// letter and half lists the register: of all list-and-read requests, 33%
// are a page (1 to 3) of a month's register, 15% a month filtered by
// domain and kind, and 2% a search for a sender's full name, the way an
// office's day mixes them (a search is forty times the work of a page:
// docs/performance.md). Statistics are a month's, among the last twelve.
func (lt *loadTest) plan(r *rand.Rand) loadRequest {
	n := r.IntN(100)
	switch {
	case n < lt.o.mix[0]:
		var path string
		kind := loadList
		from, to := monthRange(lt.months[r.IntN(len(lt.months))])
		switch m := r.IntN(100); {
		case m < 50:
			kind, path = loadRead, "/api/v1/letters/"+strconv.Itoa(lt.ids[r.IntN(len(lt.ids))])
		case m < 83:
			path = "/api/v1/letters?from=" + from + "&to=" + to + "&page=" + strconv.Itoa(1+r.IntN(3))
		case m < 98:
			path = "/api/v1/letters?from=" + from + "&to=" + to + "&domain=land&kind=complaint"
		default:
			path = "/api/v1/letters?q=" + url.QueryEscape(lt.names[r.IntN(len(lt.names))])
		}
		return loadRequest{kind: kind, method: http.MethodGet, path: path, want: http.StatusOK}
	case n < lt.o.mix[0]+lt.o.mix[1]:
		// One sender in five writes again (the same name, ID number and
		// address as a letter of the register); the others are new
		// citizens, with a name of the register and an ID number and a
		// house of their own (the same name at the same address would be
		// the same citizen to the duplicate check).
		sender := lt.people[r.IntN(len(lt.people))]
		if r.IntN(5) > 0 {
			sender.IDNumber = fmt.Sprintf("0%011d", r.Int64N(1e11))
			sender.Address = strings.TrimSuffix(fmt.Sprintf("Số %d, %s", 1+r.IntN(999), sender.Address), ", ")
		}
		body := map[string]any{
			"received_on": lt.today,
			"source":      "post",
			"senders":     []loadSender{sender},
			"subject":     "Thử tải: khiếu nại về việc thu hồi đất số " + strconv.Itoa(r.IntN(100000)),
		}
		return loadRequest{kind: loadCreate, method: http.MethodPost, path: "/api/v1/letters", body: body, want: http.StatusCreated}
	default:
		return loadRequest{kind: loadStats, method: http.MethodGet,
			path: "/api/v1/reports/statistics?month=" + lt.months[r.IntN(len(lt.months))], want: http.StatusOK}
	}
}

// loadResults are the latencies and failures of a run.
type loadResults struct {
	mu        sync.Mutex
	latencies [loadKinds][]time.Duration
	errors    [loadKinds]int
	dropped   int // requests not sent: too many already in flight
	samples   []string
	elapsed   time.Duration
}

func (res *loadResults) add(kind loadKind, d time.Duration, err error) {
	res.mu.Lock()
	defer res.mu.Unlock()
	res.latencies[kind] = append(res.latencies[kind], d)
	if err != nil {
		res.errors[kind]++
		if len(res.samples) < 5 {
			res.samples = append(res.samples, err.Error())
		}
	}
}

// failed counts the requests that failed or were never sent.
func (res *loadResults) failed() int {
	n := res.dropped
	for _, e := range res.errors {
		n += e
	}
	return n
}

// run sends the requests on schedule and waits for the last answer.
func (lt *loadTest) run(ctx context.Context) *loadResults {
	res := &loadResults{}
	r := rand.New(rand.NewPCG(lt.o.seed, 0x6b6e7463))
	inFlight := make(chan struct{}, loadMaxInFlight)
	var wg sync.WaitGroup
	total := lt.total()
	start := time.Now().Add(50 * time.Millisecond)
	for i := range total {
		due := start.Add(time.Duration(float64(i) * float64(time.Second) / float64(lt.o.rate)))
		if wait := time.Until(due); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
			}
		}
		if ctx.Err() != nil {
			break
		}
		req := lt.plan(r)
		select {
		case inFlight <- struct{}{}:
		default:
			res.mu.Lock()
			res.dropped++
			if len(res.samples) < 5 {
				res.samples = append(res.samples, "quá nhiều yêu cầu đang chờ: máy chủ không theo kịp")
			}
			res.mu.Unlock()
			continue
		}
		wg.Go(func() {
			defer func() { <-inFlight }()
			err := lt.call(context.WithoutCancel(ctx), req.method, req.path, req.body, req.want, nil)
			res.add(req.kind, time.Since(due), err)
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

// call sends one request with the session token and decodes the answer
// into out when out is not nil; any other status than want is an error.
func (lt *loadTest) call(ctx context.Context, method, path string, body any, want int, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, lt.o.base.JoinPath(strings.SplitN(path, "?", 2)[0]).String()+query(path), rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if lt.token != "" {
		req.Header.Set("Authorization", "Bearer "+lt.token)
	}
	resp, err := lt.client.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(msg))
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	// Read the answer to its end: the connection is then reused, and the
	// latency includes the whole answer.
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// query returns the query part of path, with its "?".
func query(path string) string {
	if i := strings.IndexByte(path, '?'); i >= 0 {
		return path[i:]
	}
	return ""
}

// print writes the table of latencies per kind and overall.
func (res *loadResults) print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "loại\tyêu cầu\tlỗi\tp50 (ms)\tp90 (ms)\tp99 (ms)\tmax (ms)\t")
	var all []time.Duration
	errs := 0
	for k := range loadKinds {
		all = append(all, res.latencies[k]...)
		errs += res.errors[k]
		printLatencies(tw, loadKindNames[k], res.latencies[k], res.errors[k])
	}
	printLatencies(tw, "tổng cộng", all, errs)
	_ = tw.Flush()
	sent := len(all)
	fmt.Fprintf(w, "Đã gửi %d yêu cầu trong %s giây: %s yêu cầu/giây; không gửi được %d; lỗi %d.\n",
		sent, decimalVN(res.elapsed.Seconds(), 1), decimalVN(float64(sent)/res.elapsed.Seconds(), 1), res.dropped, errs)
}

// printLatencies writes one row of the table.
func printLatencies(w io.Writer, name string, d []time.Duration, errs int) {
	slices.Sort(d)
	ms := func(q float64) string {
		if len(d) == 0 {
			return "-"
		}
		return decimalVN(float64(percentile(d, q))/float64(time.Millisecond), 1)
	}
	fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t\n", name, len(d), errs, ms(0.50), ms(0.90), ms(0.99), ms(1))
}

// percentile returns the q-quantile of sorted durations by the nearest
// rank: the smallest value with at least q of the values at or below it.
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// decimalVN writes x with the given decimals and a decimal comma.
func decimalVN(x float64, decimals int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', decimals, 64), ".", ",", 1)
}
