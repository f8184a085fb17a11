-- Hand-written (issue 16 §1, decision 043). Staff of the organisation reach every thread, message and
-- attachment; a contact reaches its own customer's, writes only as a contact of that customer, and never
-- deletes anything.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['message_threads','messages','message_attachments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO portico_app', t);
    EXECUTE format($p$CREATE POLICY tenant_staff ON %I
      USING (org_id = (select app_org_id()) AND (select app_scope()) = 'staff')
      WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'staff')$p$, t);
    EXECUTE format($p$CREATE POLICY contact_read ON %I FOR SELECT
      USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()))$p$, t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY contact_insert ON message_threads FOR INSERT
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id())
         AND created_by_kind = 'contact'
         AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = created_by_contact_id AND c.customer_id = (select app_customer_id())));
--> statement-breakpoint
-- A contact's reply moves the thread's counters and its last message time; the service writes nothing else.
CREATE POLICY contact_update ON message_threads FOR UPDATE
  USING (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()))
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id()));
--> statement-breakpoint
CREATE POLICY contact_insert ON messages FOR INSERT
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id())
         AND author_kind = 'contact'
         AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = author_contact_id AND c.customer_id = (select app_customer_id())));
--> statement-breakpoint
CREATE POLICY contact_insert ON message_attachments FOR INSERT
  WITH CHECK (org_id = (select app_org_id()) AND (select app_scope()) = 'contact' AND customer_id = (select app_customer_id())
         AND EXISTS (SELECT 1 FROM messages m WHERE m.id = message_id AND m.author_kind = 'contact'));
--> statement-breakpoint
ALTER TABLE message_threads ADD CONSTRAINT message_threads_org_customer_id_key UNIQUE (org_id, customer_id, id);
--> statement-breakpoint
ALTER TABLE messages ADD CONSTRAINT messages_org_customer_id_key UNIQUE (org_id, customer_id, id);
--> statement-breakpoint
ALTER TABLE message_threads
  ADD CONSTRAINT message_threads_org_fk FOREIGN KEY (org_id) REFERENCES organisations(id),
  ADD CONSTRAINT message_threads_customer_fk FOREIGN KEY (org_id, customer_id) REFERENCES customers(org_id, id),
  ADD CONSTRAINT message_threads_contact_fk FOREIGN KEY (org_id, created_by_contact_id) REFERENCES contacts(org_id, id),
  ADD CONSTRAINT message_threads_user_fk FOREIGN KEY (created_by_user_id) REFERENCES users(id),
  ADD CONSTRAINT message_threads_subject_check CHECK (char_length(subject) BETWEEN 1 AND 200),
  ADD CONSTRAINT message_threads_counts_check CHECK (message_count >= 0 AND staff_unread >= 0 AND customer_unread >= 0),
  ADD CONSTRAINT message_threads_author_check CHECK (
    (created_by_kind = 'staff' AND created_by_contact_id IS NULL)
    OR (created_by_kind = 'contact' AND created_by_contact_id IS NOT NULL AND created_by_user_id IS NULL));
--> statement-breakpoint
ALTER TABLE messages
  ADD CONSTRAINT messages_thread_fk FOREIGN KEY (org_id, customer_id, thread_id)
    REFERENCES message_threads(org_id, customer_id, id) ON DELETE CASCADE,
  ADD CONSTRAINT messages_contact_fk FOREIGN KEY (org_id, author_contact_id) REFERENCES contacts(org_id, id),
  ADD CONSTRAINT messages_user_fk FOREIGN KEY (author_user_id) REFERENCES users(id),
  ADD CONSTRAINT messages_body_check CHECK (char_length(body) BETWEEN 1 AND 10000),
  ADD CONSTRAINT messages_author_check CHECK (
    (author_kind = 'staff' AND author_contact_id IS NULL)
    OR (author_kind = 'contact' AND author_contact_id IS NOT NULL AND author_user_id IS NULL));
--> statement-breakpoint
ALTER TABLE message_attachments
  ADD CONSTRAINT message_attachments_message_fk FOREIGN KEY (org_id, customer_id, message_id)
    REFERENCES messages(org_id, customer_id, id) ON DELETE CASCADE,
  ADD CONSTRAINT message_attachments_type_check
    CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
  ADD CONSTRAINT message_attachments_size_check CHECK (size = octet_length(data) AND size BETWEEN 1 AND 5242880),
  ADD CONSTRAINT message_attachments_filename_check CHECK (char_length(filename) BETWEEN 1 AND 200);
