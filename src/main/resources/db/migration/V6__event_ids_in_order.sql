-- Meeting events take their ids one at a time, so that the Sequencer's id order is the order in
-- which they were recorded, whichever instance recorded them (blocks of 50 per instance were not).
alter sequence meeting_event_seq increment by 1;
