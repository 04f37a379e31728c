import AssayCore
import AssayModel

extension ISODate {
    /// The date `dayNumber` days after 1970-01-01 (the inverse of `dayNumber`), or nil outside the
    /// years `ISODate` accepts.
    static func fromDayNumber(_ number: Int) -> ISODate? {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return ISODate(year: year, month: month, day: day)
    }

    /// The date `days` later (earlier when negative); itself when that leaves the accepted years.
    func adding(days: Int) -> ISODate {
        ISODate.fromDayNumber(dayNumber + days) ?? self
    }
}
