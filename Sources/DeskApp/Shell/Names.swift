import DeskCore

/// DeskTUI's `Role` is a style role; in this module `Role` means the staff role.
public typealias Role = DeskCore.Role
