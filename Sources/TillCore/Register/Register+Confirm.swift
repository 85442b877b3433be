extension RegisterState {
    /// The clerk confirmed the refund, blind return or post-void on screen.
    mutating func confirm(resume: RegisterAction, _ step: inout Step) {
        guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
        switch activity {
        case .refunding(let draft): confirmRefund(draft, resume: resume, &step)
        case .blindReturn(let draft): confirmBlindReturn(draft, resume: resume, &step)
        case .voiding(let draft): confirmPostVoid(draft, resume: resume, &step)
        default: step.refuse(.nothingInProgress)
        }
    }
}
