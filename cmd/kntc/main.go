// Command kntc runs the citizen reception and letter register: the web
// server and its maintenance subcommands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // the office's time zone must load on machines without tzdata
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, env cmdEnv) error
}

// cmdEnv is what every subcommand gets.
type cmdEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func commands() []command {
	return []command{
		{"serve", "chạy máy chủ web (mặc định); --demo nạp dữ liệu mẫu vào cơ sở dữ liệu trống", runServe},
		{"migrate", "tạo hoặc cập nhật các bảng của cơ sở dữ liệu", runMigrate},
		{"report", "xuất báo cáo thống kê một kỳ: report --month 2022-05 --out F.xlsx (--format xlsx|json|text|forms)", runReport},
		{"backup", "sao lưu trực tuyến cơ sở dữ liệu SQLite: backup --out F", runBackup},
		{"restore", "khôi phục cơ sở dữ liệu SQLite từ bản sao lưu đã kiểm tra: restore F", runRestore},
		{"import", "nhập đơn từ bảng tính Excel: import letters F.xlsx [--dry-run] [--errors-out F.xlsx]", runImport},
		{"demo", "tạo hàng loạt dữ liệu mẫu: demo [--letters N] [--from-year Y] [--to-year Y] [--seed S]", runDemo},
		{"user", "quản lý người dùng: user create --username U --role R [--full-name N] (mật khẩu đọc từ stdin)", runUser},
		{"loadtest", "thử tải máy chủ đang chạy: loadtest --url U --rate 500 --duration 60s --username U --password P", runLoadtest},
	}
}

// run dispatches to a subcommand and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := cmdEnv{stdin: stdin, stdout: stdout, stderr: stderr}
	name := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if name == "help" || (len(args) > 0 && name == "serve" && (args[0] == "help")) {
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		if err := c.run(ctx, args, env); err != nil {
			if err == errHelp {
				return 0
			}
			fmt.Fprintf(stderr, "kntc %s: %v\n", name, err)
			return exitCodeOf(err)
		}
		return 0
	}
	fmt.Fprintf(stderr, "kntc: không có lệnh %q\n", name)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Cách dùng: kntc <lệnh> [tùy chọn]   (kntc <lệnh> -h để xem tùy chọn)")
	fmt.Fprintln(w, "Các lệnh:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
}
