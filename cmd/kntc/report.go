package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"kntc/exports"
	"kntc/models"
	"kntc/services"
)

// reportActor runs reports from the command line with a leader's reach:
// whoever runs kntc on the server already holds the whole database file.
var reportActor = services.Actor{Username: "cli", Role: models.RoleLeader}

func runReport(ctx context.Context, args []string, env cmdEnv) error {
	fs := newFlags("report", "report (--month YYYY-MM | --quarter YYYY-Qn | --half YYYY-H1|H2 | --nine-months YYYY | --year YYYY | --from D --to D) [--format xlsx|forms|json|text] [--out F]", env.stderr)
	config := fs.String("config", "", "tệp cấu hình")
	period := map[string]*string{}
	for _, name := range []string{"month", "quarter", "half", "nine_months", "year", "from", "to"} {
		period[name] = fs.String(strings.ReplaceAll(name, "_", "-"), "", "kỳ báo cáo: "+name)
	}
	format := fs.String("format", "", "xlsx, forms (chỉ các biểu mẫu Thông tư 01/2024/TT-TTCP), json hoặc text (mặc định: theo đuôi tệp --out, không có --out thì json)")
	out := fs.String("out", "", "tệp kết quả (mặc định: in ra màn hình; xlsx và forms bắt buộc có --out)")
	identity := fs.Bool("include-identity", false, "ghi cả thông tin người tố cáo vào danh sách đơn (được ghi nhật ký)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := reportFormat(*format, *out)
	if err != nil {
		return err
	}
	a, err := openApp(*config, env)
	if err != nil {
		return err
	}
	defer a.close()
	values := url.Values{}
	for name, v := range period {
		if *v != "" {
			values.Set(name, *v)
		}
	}
	p, err := services.ParsePeriodValues(values, a.settings.Reporting.CutoffDay)
	if err != nil {
		return usageError{describe(err).Error()}
	}
	ctx = services.WithActor(ctx, reportActor)
	var buf bytes.Buffer
	switch f {
	case "json":
		st, err := a.svc.Statistics(ctx, p)
		if err != nil {
			return describe(err)
		}
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(st); err != nil {
			return err
		}
	case "text":
		text, err := a.svc.StatisticsText(ctx, p)
		if err != nil {
			return describe(err)
		}
		buf.WriteString(strings.TrimRight(text, "\n") + "\n")
	case "xlsx":
		wb, err := a.svc.StatisticsWorkbook(ctx, p, *identity)
		if err != nil {
			return describe(err)
		}
		if err := exports.WriteStatisticsWorkbook(&buf, wb); err != nil {
			return err
		}
	case "forms":
		wb, err := a.svc.FormsWorkbook(ctx, p)
		if err != nil {
			return describe(err)
		}
		if err := exports.WriteForms(&buf, wb); err != nil {
			return err
		}
	}
	if *out == "" {
		_, err := env.stdout.Write(buf.Bytes())
		return err
	}
	if dir := filepath.Dir(*out); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return err
		}
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o640); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Đã ghi báo cáo %s vào %s.\n", p.Label, *out)
	return nil
}

// reportFormat picks the output format from --format or the file's ending.
func reportFormat(format, out string) (string, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".xlsx":
			format = "xlsx"
		case ".txt":
			format = "text"
		default:
			format = "json"
		}
	}
	switch format {
	case "json", "text":
		return format, nil
	case "xlsx", "forms":
		if out == "" {
			return "", usageError{"định dạng " + format + " cần --out F.xlsx"}
		}
		return format, nil
	}
	return "", usageError{fmt.Sprintf("định dạng %q không hỗ trợ; dùng xlsx, forms, json hoặc text", format)}
}
