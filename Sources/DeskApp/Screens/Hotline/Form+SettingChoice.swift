import DeskTUI

extension Form {
    /// This form with choice field `id` set to option `index`, the focus and
    /// the fields' messages kept (intake sets 紧急 when the category asks for it).
    func settingChoice(_ index: Int, forField id: String) -> Form {
        var fields = self.fields
        guard let i = fields.firstIndex(where: { $0.id == id }), case .choice(var choice) = fields[i].editor else { return self }
        choice.select(index)
        fields[i].editor = .choice(choice)
        var form = Form(fields: fields, strings: strings)
        if let focused = focusedFieldID { form.focus(fieldID: focused) }
        return form
    }
}
