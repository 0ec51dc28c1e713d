package vn.hopso.minutes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hopso.org.Person;

/** One step of a task's history: a progress report (with a note and a file), a decision. */
@Entity
@Table(name = "task_update")
public class TaskUpdate extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_update_seq")
  @SequenceGenerator(name = "task_update_seq", sequenceName = "task_update_seq", allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "task_id")
  public Task task;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  public Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TaskUpdateKind kind;

  public Integer progress;

  @Column(length = 4000)
  public String note;

  @Column(name = "file_name")
  public String fileName;

  @Column(name = "file_key")
  public String fileKey;

  @Column(name = "file_size")
  public Long fileSize;

  @Column(name = "file_type")
  public String fileType;

  @Column(name = "file_sha256", length = 64)
  public String fileSha256;

  @Column(nullable = false)
  public Instant at;
}
