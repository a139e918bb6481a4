package services

import (
	"context"
	"strings"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"kntc/models"
)

// UserInput creates a user.
type UserInput struct {
	Username string      `json:"username"`
	FullName string      `json:"full_name"`
	Role     models.Role `json:"role"`
	Password string      `json:"password"`
}

// UserPatch changes a user; nil fields stay as they are.
type UserPatch struct {
	Version  *int         `json:"version"`
	FullName *string      `json:"full_name"`
	Role     *models.Role `json:"role"`
	Active   *bool        `json:"active"`
	Password *string      `json:"password"`
}

// ListUsers returns users by username; admin only.
func (s *Service) ListUsers(ctx context.Context, p models.Page) (models.List[models.User], error) {
	if _, err := require(ctx, models.PermManageUsers); err != nil {
		return models.List[models.User]{}, err
	}
	if p.Sort == "" {
		p.Sort = "username"
	}
	return paginate[models.User](s.read(ctx).Model(&models.User{}), p,
		map[string]string{"username": "username", "created_at": "created_at", "role": "role"})
}

// GetUser returns one user; admin only.
func (s *Service) GetUser(ctx context.Context, id uint) (models.User, error) {
	if _, err := require(ctx, models.PermManageUsers); err != nil {
		return models.User{}, err
	}
	return s.loadUser(s.read(ctx), id)
}

// CreateUser adds a user; admin only.
func (s *Service) CreateUser(ctx context.Context, in UserInput) (models.User, error) {
	a, err := require(ctx, models.PermManageUsers)
	if err != nil {
		return models.User{}, err
	}
	return s.createUser(ctx, a, in)
}

func (s *Service) createUser(ctx context.Context, a Actor, in UserInput) (models.User, error) {
	u := models.User{Username: strings.ToLower(strings.TrimSpace(in.Username)), FullName: in.FullName,
		Role: in.Role, Active: true, Version: 1, CreatedBy: a.ID}
	var v models.Validation
	if err := u.Validate(); err != nil {
		v.Fields = append(v.Fields, models.AsError(err).Fields...)
	}
	models.ValidatePassword(&v, "password", in.Password)
	if err := v.Err(); err != nil {
		return u, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(in.Password), s.cfg.BcryptCost)
	if err != nil {
		return u, models.Internal(err)
	}
	u.PasswordHash = string(hash)
	err = s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&models.User{}).Where("username = ?", u.Username).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return &models.Error{Code: models.CodeConflict, Message: "Tên đăng nhập đã được dùng.",
				Fields: []models.FieldError{{Field: "username", Message: "Tên đăng nhập đã được dùng."}}}
		}
		if err := tx.Create(&u).Error; err != nil {
			return err
		}
		return s.audit(tx, a, ActionCreate, "user", u.ID, diff(nil, &u), "")
	})
	return u, err
}

// UpdateUser changes a user; a password change or deactivation ends every
// session of that user. Admin only.
func (s *Service) UpdateUser(ctx context.Context, id uint, in UserPatch) (models.User, error) {
	a, err := require(ctx, models.PermManageUsers)
	if err != nil {
		return models.User{}, err
	}
	var u models.User
	err = s.write(ctx, func(tx *gorm.DB) error {
		if u, err = s.loadUser(tx, id); err != nil {
			return err
		}
		if err := checkVersion(in.Version, u.Version, u); err != nil {
			return err
		}
		before := u
		var v models.Validation
		if in.FullName != nil {
			u.FullName = *in.FullName
		}
		if in.Role != nil {
			u.Role = *in.Role
		}
		if in.Active != nil {
			u.Active = *in.Active
		}
		if err := u.Validate(); err != nil {
			v.Fields = append(v.Fields, models.AsError(err).Fields...)
		}
		if in.Password != nil {
			models.ValidatePassword(&v, "password", *in.Password)
		}
		if u.ID == a.ID && (u.Role != models.RoleAdmin || !u.Active) {
			v.Add("role", "Không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình.")
		}
		if err := v.Err(); err != nil {
			return err
		}
		detail := ""
		if in.Password != nil {
			hash, err := bcrypt.GenerateFromPassword([]byte(*in.Password), s.cfg.BcryptCost)
			if err != nil {
				return err
			}
			u.PasswordHash, detail = string(hash), "đổi mật khẩu"
		}
		if in.Password != nil || !u.Active {
			if err := tx.Where("user_id = ?", u.ID).Delete(&models.AuthToken{}).Error; err != nil {
				return err
			}
		}
		if err := saveVersioned(tx, &u, &u.Version); err != nil {
			return err
		}
		return s.audit(tx, a, ActionUpdate, "user", u.ID, diff(&before, &u), detail)
	})
	// After the commit: a request in between would remember the old user.
	s.tokens.clear()
	return u, err
}

func (s *Service) loadUser(tx *gorm.DB, id uint) (models.User, error) {
	var u models.User
	if err := tx.First(&u, id).Error; err != nil {
		if models.CodeOf(err) == models.CodeNotFound {
			return u, models.NotFound("người dùng")
		}
		return u, models.Internal(err)
	}
	return u, nil
}

// checkVersion refuses an update that did not send the version it read, or
// sent an older one; the conflict carries the current record.
func checkVersion(sent *int, current int, record any) error {
	if sent == nil {
		return &models.Error{Code: models.CodeInvalid, Message: "Thiếu phiên bản (version) của bản ghi đang sửa.",
			Fields: []models.FieldError{{Field: "version", Message: "Trường này là bắt buộc khi sửa."}}}
	}
	if *sent != current {
		return &models.Error{Code: models.CodeConflict, Current: record,
			Message: "Bản ghi đã được người khác sửa sau khi bạn mở; vui lòng xem bản hiện tại rồi sửa lại."}
	}
	return nil
}
