package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"kntc/models"
	"kntc/services"
)

func runUser(ctx context.Context, args []string, env cmdEnv) error {
	if len(args) == 0 || args[0] != "create" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(env.stderr, "Cách dùng: kntc user create --username U --role R [--full-name N]  (mật khẩu đọc từ stdin)")
			return errHelp
		}
		return usageError{"cách dùng: kntc user create --username U --role R [--full-name N]"}
	}
	fs := newFlags("user create", "user create --username U --role reception|legal|leader|admin [--full-name N] < mật-khẩu", env.stderr)
	config := fs.String("config", "", "tệp cấu hình")
	username := fs.String("username", "", "tên đăng nhập")
	role := fs.String("role", "", "vai trò: reception, legal, leader, admin")
	fullName := fs.String("full-name", "", "họ và tên")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *username == "" || *role == "" {
		return usageError{"cần --username và --role"}
	}
	password, err := bufio.NewReader(env.stdin).ReadString('\n')
	if err != nil && password == "" {
		return usageError{"cần mật khẩu ở stdin"}
	}
	a, err := openApp(*config, env)
	if err != nil {
		return err
	}
	defer a.close()
	ctx = services.WithActor(ctx, services.Actor{Username: "cli", Role: models.RoleAdmin})
	u, err := a.svc.CreateUser(ctx, services.UserInput{Username: *username, Role: models.Role(*role),
		FullName: *fullName, Password: strings.TrimRight(password, "\r\n")})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(env.stdout, "Đã tạo người dùng %s (mã %d, vai trò %s).\n", u.Username, u.ID, u.Role.Label())
	return nil
}

// describe turns a service error into one line with its field errors.
func describe(err error) error {
	e := models.AsError(err)
	msg := e.Message
	for _, f := range e.Fields {
		msg += fmt.Sprintf(" [%s: %s]", f.Field, f.Message)
	}
	return fmt.Errorf("%s", msg)
}
