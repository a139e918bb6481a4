package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"kntc/models"
	"kntc/services"
)

const importSynopsis = "import letters F.xlsx [--dry-run] [--errors-out F.xlsx] [--user U] [--config F]"

// importActor runs an import from the command line when no --user is named:
// whoever runs it on the server machine already holds the database file.
// The import classifies and handles letters, which takes the legal role.
var importActor = services.Actor{Username: "cli", Role: models.RoleLegal}

// runImport imports a register workbook of letters. It exits non-zero when
// any row is bad, a dry run included, so that scripts notice.
func runImport(ctx context.Context, args []string, env cmdEnv) error {
	fs := newFlags("import", importSynopsis, env.stderr)
	config := fs.String("config", "", "tệp cấu hình")
	dryRun := fs.Bool("dry-run", false, "chỉ kiểm tra tệp, không ghi gì")
	errorsOut := fs.String("errors-out", "", "ghi bảng tính kèm cột Lỗi vào tệp này")
	user := fs.String("user", "", "tên đăng nhập của người nhập (pháp chế hoặc lãnh đạo) để ghi vào nhật ký; mặc định: cli")
	operands, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(operands) != 2 || operands[0] != "letters" {
		return usageError{"cách dùng: kntc " + importSynopsis}
	}
	path := operands[1]
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("không mở được tệp %s: %v", path, err)
	}
	defer file.Close()
	a, err := openApp(*config, env)
	if err != nil {
		return err
	}
	defer a.close()
	actor := importActor
	if *user != "" {
		if actor, err = a.svc.ImportActor(ctx, *user); err != nil {
			return describe(err)
		}
	}
	rep, err := a.svc.ImportLetters(services.WithActor(ctx, actor), file, services.ImportOptions{DryRun: *dryRun, FileName: path})
	if err != nil && len(rep.Errors) == 0 {
		return describe(err)
	}
	printImport(env.stdout, path, rep)
	if *errorsOut != "" {
		if err := writeErrorsFile(*errorsOut, rep); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "Đã ghi bảng tính kèm cột Lỗi vào %s.\n", *errorsOut)
	}
	if len(rep.Errors) > 0 {
		return fmt.Errorf("tệp có %d ô lỗi; chưa nhập đơn nào", len(rep.Errors))
	}
	return nil
}

// parseInterspersed parses flags written before, between or after the
// operands ("import letters F.xlsx --dry-run") and returns the operands.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			return operands, nil
		}
		operands = append(operands, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// printImport writes the report for a person: counts, the numbers taken,
// and every bad cell.
func printImport(w io.Writer, path string, rep services.ImportReport) {
	fmt.Fprintf(w, "Tệp %s: %d dòng, %d dòng hợp lệ, %d dòng đã nhập trước (bỏ qua).\n", path, rep.Rows, rep.Valid, rep.Skipped)
	for _, e := range rep.Errors {
		fmt.Fprintf(w, "Dòng %d, cột %s «%s»: %s\n", e.Row, e.Column, e.Value, e.Message)
	}
	switch {
	case len(rep.Errors) > 0:
	case rep.DryRun:
		fmt.Fprintf(w, "Chạy thử: tệp nhập được %d đơn mới; chưa ghi gì.\n", rep.Valid-rep.Skipped)
	default:
		fmt.Fprintf(w, "Đã nhập %d đơn mới.\n", rep.Created)
		for _, c := range rep.Codes {
			fmt.Fprintf(w, "Năm %d: số %s đến %s (%d đơn).\n", c.Year, c.First, c.Last, c.Count)
		}
		if rep.Warning != "" {
			fmt.Fprintln(w, rep.Warning)
		}
	}
}

// writeErrorsFile writes the workbook with its "Lỗi" column; it never
// overwrites a file, which could be the register itself.
func writeErrorsFile(path string, rep services.ImportReport) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("không tạo được tệp %s (tệp đã có thì chọn tên khác): %v", path, err)
	}
	if err := rep.WriteErrors(out); err != nil {
		out.Close()
		os.Remove(path)
		return describe(err)
	}
	return out.Close()
}
