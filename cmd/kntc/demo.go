package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"kntc/models"
	"kntc/services"
)

// demoPassword is the one password of the demonstration users that
// `kntc serve --demo` creates. It is printed on the console: the data are
// synthetic and meant for a demonstration on the user's own machine.
const demoPassword = "kntc-demo-2024"

// demoUsers are the demonstration users, one per working role.
var demoUsers = []services.UserInput{
	{Username: "tiepdan", FullName: "Cán bộ tiếp dân (mẫu)", Role: models.RoleReception},
	{Username: "phaply", FullName: "Chuyên viên pháp chế (mẫu)", Role: models.RoleLegal},
	{Username: "lanhdao", FullName: "Lãnh đạo (mẫu)", Role: models.RoleLeader},
}

// demoSampleLetters is the size of the sample `serve --demo` loads.
const demoSampleLetters = 1500

// runDemo fills the configured database with synthetic records in bulk.
func runDemo(ctx context.Context, args []string, env cmdEnv) error {
	fs := newFlags("demo", "demo [--config F] [--letters N] [--from-year Y] [--to-year Y] [--seed S]", env.stderr)
	config := fs.String("config", "", "tệp cấu hình")
	letters := fs.Int("letters", 2000, "số đơn cần tạo, từ 1 đến 5.000.000 (các bản ghi khác theo tỷ lệ)")
	fromYear := fs.Int("from-year", 0, "năm đầu tiên (mặc định: năm trước)")
	toYear := fs.Int("to-year", 0, "năm cuối cùng, không sau năm nay (mặc định: năm nay; dữ liệu dừng ở hôm nay)")
	seed := fs.Int64("seed", 1, "hạt giống ngẫu nhiên: cùng hạt giống cho cùng dữ liệu")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	settings, err := loadSettings(*config)
	if err != nil {
		return err
	}
	today := models.DateOf(time.Now().In(settings.serviceConfig().Location))
	o := services.DemoOptions{Letters: *letters, FromYear: *fromYear, ToYear: *toYear, Seed: *seed}
	if o.ToYear == 0 {
		o.ToYear = today.Year()
	}
	if o.FromYear == 0 {
		o.FromYear = min(today.Year()-1, o.ToYear)
	}
	// Bad input stops here, before the database is opened or created.
	if err := o.Validate(today); err != nil {
		var msgs []string
		for _, f := range models.AsError(err).Fields {
			msgs = append(msgs, "--"+strings.ReplaceAll(f.Field, "_", "-")+": "+f.Message)
		}
		return usageError{strings.Join(msgs, " ")}
	}
	a, err := openApp(*config, env)
	if err != nil {
		return err
	}
	defer a.close()
	// The load allocates short-lived values at a high rate; a heap target
	// four times the live heap (a few hundred MB) leaves the collector a
	// quarter of the work, and the two cores to the generator and SQLite.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	sum, err := a.svc.GenerateDemo(ctx, o)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintln(env.stdout, demoSummaryLine(sum))
	return nil
}

// loadDemoIfEmpty fills a database without letters with a small sample over
// the current and the previous year, and creates the demonstration users
// with the shared demo password, printing it; with letters it does nothing.
func loadDemoIfEmpty(ctx context.Context, a *app, env cmdEnv) error {
	today := a.svc.Today()
	sum, err := a.svc.GenerateDemo(ctx, services.DemoOptions{Letters: demoSampleLetters,
		FromYear: today.Year() - 1, ToYear: today.Year(), Seed: 1})
	if models.CodeOf(err) == models.CodeConflict {
		fmt.Fprintln(env.stdout, "Cơ sở dữ liệu đã có đơn; không nạp dữ liệu mẫu.")
		return nil
	}
	if err != nil {
		return describe(err)
	}
	fmt.Fprintln(env.stdout, demoSummaryLine(sum))
	admin := services.WithActor(ctx, services.Actor{Username: "demo", Role: models.RoleAdmin})
	for _, u := range demoUsers {
		u.Password = demoPassword
		_, err := a.svc.CreateUser(admin, u)
		switch models.CodeOf(err) {
		case "":
			fmt.Fprintf(env.stdout, "Người dùng mẫu: %s (%s), mật khẩu %s\n", u.Username, u.Role.Label(), demoPassword)
		case models.CodeConflict:
			fmt.Fprintf(env.stdout, "Người dùng %s đã có; giữ nguyên mật khẩu của người dùng này.\n", u.Username)
		default:
			return describe(err)
		}
	}
	return nil
}

// demoSummaryLine is the one-line Vietnamese report of a demo load.
func demoSummaryLine(s services.DemoSummary) string {
	beside := ""
	if s.BesideWAL {
		beside = " Tệp cơ sở dữ liệu đang được chương trình khác mở nên việc nạp chậm hơn; nên dừng máy chủ trước khi nạp."
	}
	return fmt.Sprintf("Đã tạo dữ liệu mẫu từ %s đến %s trong %s giây: %s đơn, %s vụ việc, %s lượt tiếp công dân "+
		"(%s kỳ tiếp), %s cuộc đối thoại, %s cuộc họp Hội đồng tư vấn, %s văn bản.",
		s.From.VN(), s.To.VN(), strings.Replace(strconv.FormatFloat(s.Duration.Seconds(), 'f', 1, 64), ".", ",", 1),
		groupDigits(s.Letters), groupDigits(s.Cases), groupDigits(s.ReceptionVisits), groupDigits(s.ReceptionSessions),
		groupDigits(s.Dialogues), groupDigits(s.CouncilMeetings), groupDigits(s.Documents)) + beside
}

// groupDigits writes n with dots between thousands, the Vietnamese way.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
