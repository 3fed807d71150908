import ArgumentParser
import DeskApp
import DeskCore
import Foundation

@main
struct CadreDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadredesk",
        abstract: "老干部服务台 CadreDesk — front desk for retired-cadre service centres.",
        discussion: """
        The log file is found from --log, else $CADREDESK_LOG, else $XDG_DATA_HOME/cadredesk/desk.log.
        Messages are in Chinese unless --lang en or an en_* LANG is set.
        """,
        subcommands: [Run.self, Demo.self, Verify.self, Sample.self, ImportCommand.self, ExportCommand.self, Report.self, Bench.self],
        defaultSubcommand: Run.self
    )
}

/// Options every subcommand takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Log file path (default: $CADREDESK_LOG, else $XDG_DATA_HOME/cadredesk/desk.log).")
    var log: String?

    @Option(name: .long, help: "Language of messages: zh (default) or en.")
    var lang: String?

    var text: Localizer { Localizer(Lang.resolve(option: lang)) }
    var logPath: String { LogLocation.resolve(option: log) }
}

enum LogLocation {
    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let o = option, !o.isEmpty { return o }
        if let e = environment["CADREDESK_LOG"], !e.isEmpty { return e }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/cadredesk/desk.log"
    }
}
