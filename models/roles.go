package models

// Permission is one thing a role may do, from the role table of api.md.
type Permission int

// The permissions of the role table.
const (
	PermReadRecords     Permission = iota // read letters, visits, sessions, cases, meetings, documents
	PermCreateLetters                     // register letters
	PermCreateReception                   // create visits and reception sessions
	PermHandleLetters                     // classify, handle and edit any letter
	PermEditCases                         // create and edit cases, dialogues, council meetings, documents
	PermStatistics                        // statistics and exports
	PermManageUsers                       // users
	PermReadAudit                         // the audit trail
	PermBackup                            // backups
	PermWithdraw                          // withdraw (soft-delete) a record
	PermSeeProtected                      // see every denouncer's identity
	PermManageCalendar                    // edit the holiday list
)

var rolePermissions = map[Role][]Permission{
	RoleReception: {PermReadRecords, PermCreateLetters, PermCreateReception, PermStatistics},
	RoleLegal: {PermReadRecords, PermCreateLetters, PermCreateReception, PermHandleLetters,
		PermEditCases, PermStatistics, PermSeeProtected},
	RoleLeader: {PermReadRecords, PermHandleLetters, PermEditCases, PermStatistics,
		PermReadAudit, PermWithdraw, PermSeeProtected},
	RoleAdmin: {PermManageUsers, PermReadAudit, PermBackup, PermManageCalendar},
}

// Can reports whether the role grants p.
func (e Role) Can(p Permission) bool {
	for _, q := range rolePermissions[e] {
		if q == p {
			return true
		}
	}
	return false
}
