// Parse iCalendar files with ical.js (Mozilla's parser, used by Thunderbird):
// node tests/icaljs_parse.cjs FILE...  (ICALJS = the ical.js package folder).
// Prints JSON: file -> its METHOD and each event's UID, SEQUENCE and start/end in UTC,
// computed through the file's own VTIMEZONE.
const fs = require("fs");
const path = require("path");
const ICAL = require(path.join(process.env.ICALJS, "dist", "ical.es5.cjs"));

const results = {};
for (const file of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  results[file] = {
    method: root.getFirstPropertyValue("method"),
    events: root.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toUnixTime(),
        end: event.endDate.toUnixTime(),
        zone: event.startDate.timezone || event.startDate.zone.tzid,
      };
    }),
  };
}
process.stdout.write(JSON.stringify(results));
