// The errors the lab is built around, explained in Korean first and English second.
import type { AppConfig } from "./config";
import { type DatabaseError, WIDEN_PASSWORD_COLUMN_SQL } from "./db";
import { PASSWORD_HASH_LENGTH } from "./password";
import type { StorageError } from "./storage";
import { SERVICE_NAME } from "./user-data";

export interface Bilingual {
  ko: string;
  en: string;
}

export interface Explanation {
  status: number;
  /** What the attendee would search for: the AWS error code or the driver's code. */
  code: string;
  operation: string | null;
  title: Bilingual;
  meaning: Bilingual;
  steps: Bilingual[];
  sql: string | null;
  note: Bilingual | null;
  detail: string;
}

const RESTART_COMMAND = `sudo systemctl restart ${SERVICE_NAME}`;

const CREATE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS users (
  id INT AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  email VARCHAR(255) NOT NULL,
  password VARCHAR(255) NOT NULL,
  attachment VARCHAR(255),
  PRIMARY KEY (id)
);`;

const RECOVERS_BY_ITSELF: Bilingual = {
  ko: "앱은 계속 실행 중이며, 데이터베이스에 다시 연결되면 재시작 없이 자동으로 복구됩니다.",
  en: "The app keeps running and recovers by itself once the database is reachable again.",
};

const EDIT_CONFIG: Bilingual = {
  ko: `설정 파일(config.env)을 vim 또는 nano로 고친 뒤 앱을 재시작하세요: ${RESTART_COMMAND}`,
  en: `Edit config.env with vim or nano, then restart the app: ${RESTART_COMMAND}`,
};

export function explainStorageError(error: StorageError, config: AppConfig): Explanation {
  const bucket = config.S3_BUCKET;
  const base = {
    status: 502,
    code: error.code,
    operation: error.operation,
    sql: null,
    detail: error.message,
  };
  switch (error.problem) {
    case "NoCredentials":
      return {
        ...base,
        title: {
          ko: "AWS 자격 증명을 찾을 수 없습니다 (Unable to locate credentials)",
          en: "NoCredentialsError: Unable to locate credentials",
        },
        meaning: {
          ko: "앱이 S3 요청에 서명할 자격 증명(credentials)을 찾지 못했습니다. EC2에서는 인스턴스에 연결된 IAM 역할(Role)이 자격 증명을 제공합니다. 액세스 키를 서버에 저장하지 마세요.",
          en: "The app found no credentials to sign the S3 request. On EC2 they come from the IAM role attached to the instance; never store access keys on the server.",
        },
        steps: [
          {
            ko: "IAM 콘솔 → 역할(Roles) → 역할 생성(Create role): 신뢰할 수 있는 엔터티로 AWS 서비스 EC2를 고르고 이름을 awslab-ec2-role로 만듭니다.",
            en: "IAM console → Roles → Create role: trusted entity AWS service EC2, name it awslab-ec2-role.",
          },
          {
            ko: "EC2 콘솔 → 인스턴스 선택 → 작업(Actions) → 보안(Security) → IAM 역할 수정(Modify IAM role)에서 awslab-ec2-role을 연결합니다.",
            en: "EC2 console → select the instance → Actions → Security → Modify IAM role, and attach awslab-ec2-role.",
          },
          {
            ko: "앱을 재시작할 필요는 없습니다. 다시 가입해 보세요.",
            en: "No restart needed: sign up again.",
          },
        ],
        note: null,
      };
    case "AccessDenied":
      return {
        ...base,
        title: {
          ko: `S3 요청이 거부되었습니다 (AccessDenied, ${error.operation})`,
          en: `An error occurred (AccessDenied) when calling the ${error.operation} operation: Access Denied`,
        },
        meaning: {
          ko: "자격 증명은 있지만, 그 역할(Role)에 이 버킷에 대한 권한이 없습니다. 버킷 정책이 요청을 거부하는 경우에도 같은 오류가 납니다.",
          en: "Credentials were found, but the role has no permission on this bucket (or a bucket policy denies the request).",
        },
        steps: [
          {
            ko: "IAM 콘솔 → 역할 awslab-ec2-role → 권한 추가(Add permissions) → 인라인 정책 생성(Create inline policy)을 엽니다.",
            en: "IAM console → role awslab-ec2-role → Add permissions → Create inline policy.",
          },
          {
            ko: `서비스 S3, 작업 s3:PutObject와 s3:GetObject(실습에서는 s3:*), 리소스 arn:aws:s3:::${bucket}/* 를 허용하고 이름을 awslab-s3-full-access로 저장합니다.`,
            en: `Allow service S3, actions s3:PutObject and s3:GetObject (the lab uses s3:*) on arn:aws:s3:::${bucket}/*, and save it as awslab-s3-full-access.`,
          },
          {
            ko: "정책은 몇 초 안에 적용됩니다. 다시 가입해 보세요.",
            en: "The policy applies within seconds: sign up again.",
          },
        ],
        note: null,
      };
    case "NoSuchBucket":
      return {
        ...base,
        title: {
          ko: `버킷 ${bucket}이(가) 없습니다 (NoSuchBucket)`,
          en: `The bucket ${bucket} does not exist (NoSuchBucket)`,
        },
        meaning: {
          ko: `설정 파일의 S3_BUCKET 값(${bucket})과 같은 이름의 버킷이 없습니다.`,
          en: `No bucket is named like S3_BUCKET (${bucket}).`,
        },
        steps: [
          {
            ko: "S3 콘솔에서 버킷 이름을 복사해 S3_BUCKET에 그대로 붙여 넣으세요.",
            en: "Copy the bucket name from the S3 console into S3_BUCKET exactly.",
          },
          EDIT_CONFIG,
        ],
        note: null,
      };
    case "Unreachable":
      return {
        ...base,
        title: { ko: "S3에 연결할 수 없습니다", en: "S3 could not be reached" },
        meaning: {
          ko: "S3 엔드포인트에 네트워크로 연결하지 못했습니다.",
          en: "The S3 endpoint did not answer.",
        },
        steps: [
          {
            ko: "인스턴스가 인터넷(또는 S3 VPC 엔드포인트)에 나갈 수 있는지, AWS_ENDPOINT_URL을 잘못 넣지 않았는지 확인하세요.",
            en: "Check that the instance can reach the internet (or an S3 VPC endpoint) and that AWS_ENDPOINT_URL is not set by mistake.",
          },
        ],
        note: null,
      };
    case "not_configured":
    case "Error":
      return {
        ...base,
        title: {
          ko: `S3 요청이 실패했습니다 (${error.code})`,
          en: `The S3 request failed (${error.code})`,
        },
        meaning: {
          ko: "아래 기술 정보의 오류 코드를 확인하세요.",
          en: "See the error code in the technical detail below.",
        },
        steps: [EDIT_CONFIG],
        note: null,
      };
  }
}

export function explainDatabaseError(error: DatabaseError, config: AppConfig): Explanation {
  const base = {
    status: 503,
    code: error.code ?? error.problem,
    operation: null,
    sql: null,
    note: null,
    detail: error.message,
  };
  const database = config.DB_NAME || "form";
  switch (error.problem) {
    case "not_configured":
      return {
        ...base,
        title: {
          ko: "데이터베이스가 아직 설정되지 않았습니다",
          en: "The database is not configured yet",
        },
        meaning: {
          ko: "설정 파일에 DB_HOST가 비어 있습니다.",
          en: "DB_HOST is empty in the configuration file.",
        },
        steps: [
          {
            ko: "config.env에 DB_HOST(RDS 엔드포인트), DB_NAME=form, DB_USER=form_user, DB_USERPASSWORD를 넣으세요.",
            en: "Set DB_HOST (the RDS endpoint), DB_NAME=form, DB_USER=form_user and DB_USERPASSWORD in config.env.",
          },
          EDIT_CONFIG,
        ],
      };
    case "refused":
      return {
        ...base,
        title: {
          ko: "데이터베이스가 연결을 거부했습니다",
          en: "The database refused the connection",
        },
        meaning: {
          ko: `${config.DB_HOST}:${config.DB_PORT}에서 MySQL이 응답하지 않습니다. DB가 재부팅 중이거나 포트가 틀렸을 수 있습니다.`,
          en: `Nothing accepts MySQL connections at ${config.DB_HOST}:${config.DB_PORT}: the database may be rebooting, or the port is wrong.`,
        },
        steps: [RECOVERS_BY_ITSELF],
      };
    case "timeout":
      return {
        ...base,
        title: {
          ko: "데이터베이스 연결 시간이 초과되었습니다",
          en: "Connecting to the database timed out",
        },
        meaning: {
          ko: "패킷이 DB에 닿지 않았습니다. 대개 보안 그룹이 3306 포트를 막고 있을 때 생깁니다.",
          en: "Packets never reached the database, usually because a security group blocks port 3306.",
        },
        steps: [
          {
            ko: "RDS의 보안 그룹(rds-mysql-sg)에 소스가 web-server-sg인 MYSQL/Aurora(3306) 인바운드 규칙을 추가하세요.",
            en: "Add an inbound MYSQL/Aurora (3306) rule with source web-server-sg to the RDS security group (rds-mysql-sg).",
          },
          RECOVERS_BY_ITSELF,
        ],
      };
    case "host_not_found":
      return {
        ...base,
        title: { ko: "DB_HOST를 찾을 수 없습니다", en: "DB_HOST could not be resolved" },
        meaning: {
          ko: `${config.DB_HOST} 이라는 이름이 DNS에 없습니다.`,
          en: `${config.DB_HOST} does not resolve in DNS.`,
        },
        steps: [
          {
            ko: "RDS 콘솔의 연결 및 보안(Connectivity & security) 탭에서 엔드포인트를 복사해 DB_HOST에 붙여 넣으세요(포트 제외).",
            en: "Copy the endpoint from the RDS console's Connectivity & security tab into DB_HOST (without the port).",
          },
          EDIT_CONFIG,
        ],
      };
    case "unreachable":
      return {
        ...base,
        title: { ko: "데이터베이스 연결이 끊겼습니다", en: "The database connection was lost" },
        meaning: {
          ko: "DB 재부팅이나 장애 조치(failover) 중에 생길 수 있습니다.",
          en: "This happens while the database reboots or fails over.",
        },
        steps: [RECOVERS_BY_ITSELF],
      };
    case "access_denied":
      return {
        ...base,
        title: {
          ko: "데이터베이스 접근이 거부되었습니다",
          en: "Access to the database was denied",
        },
        meaning: {
          ko: "DB_USER 또는 DB_USERPASSWORD가 틀렸거나, 사용자에게 이 데이터베이스 권한이 없습니다(DB_NAME 오타도 같은 오류를 냅니다).",
          en: "DB_USER or DB_USERPASSWORD is wrong, or the user has no privileges on this database (a typo in DB_NAME looks the same).",
        },
        steps: [
          {
            ko: `실습의 CREATE USER와 GRANT ALL PRIVILEGES ON ${database}.* 단계를 다시 확인하세요.`,
            en: `Check the lab's CREATE USER and GRANT ALL PRIVILEGES ON ${database}.* steps.`,
          },
          EDIT_CONFIG,
        ],
      };
    case "unknown_database":
      return {
        ...base,
        title: {
          ko: `데이터베이스 ${database}이(가) 없습니다`,
          en: `The database ${database} does not exist`,
        },
        meaning: {
          ko: "DB_NAME과 같은 이름의 데이터베이스가 없습니다.",
          en: "No database is named like DB_NAME.",
        },
        steps: [
          {
            ko: "mysql 클라이언트로 접속해 아래 SQL을 실행하거나 DB_NAME을 고치세요.",
            en: "Run the SQL below in the mysql client, or fix DB_NAME.",
          },
        ],
        sql: `CREATE DATABASE ${database};`,
      };
    case "no_such_table":
      return {
        ...base,
        title: { ko: "users 테이블이 없습니다", en: "The users table does not exist" },
        meaning: {
          ko: `${database} 데이터베이스에 users 테이블이 아직 없습니다.`,
          en: `The ${database} database has no users table yet.`,
        },
        steps: [
          {
            ko: `mysql 클라이언트에서 USE ${database}; 다음 아래 SQL을 실행하세요.`,
            en: `In the mysql client, run USE ${database}; and then the SQL below.`,
          },
        ],
        sql: CREATE_TABLE_SQL,
      };
    case "old_password_column":
      return {
        ...base,
        status: 500,
        code: "old_password_column",
        title: {
          ko: "users.password 열이 너무 짧습니다",
          en: "The users.password column is too short",
        },
        meaning: {
          ko: `이 앱은 비밀번호를 평문이 아닌 해시(${PASSWORD_HASH_LENGTH}자)로 저장합니다. 예전 실습의 VARCHAR(35) 열에는 들어가지 않습니다.`,
          en: `This app stores a ${PASSWORD_HASH_LENGTH}-character password hash, not the plain password; the old lab's VARCHAR(35) column cannot hold it.`,
        },
        steps: [
          {
            ko: `mysql 클라이언트에서 USE ${database}; 다음 아래 SQL 한 줄을 실행하세요. 재시작은 필요 없습니다.`,
            en: `In the mysql client, run USE ${database}; and then this one statement. No restart needed.`,
          },
        ],
        sql: WIDEN_PASSWORD_COLUMN_SQL,
        note: {
          ko: "원래 실습 앱은 비밀번호를 평문으로 저장하고 /admin에 보여 주었습니다. 해시로 저장하면 DB가 유출되어도 비밀번호가 바로 드러나지 않습니다.",
          en: "The original lab app stored passwords in plain text and showed them on /admin. A hash keeps them secret even if the database leaks.",
        },
      };
    case "wrong_charset":
      return {
        ...base,
        status: 500,
        title: {
          ko: "테이블이 한글을 저장할 수 없습니다",
          en: "The table cannot store Korean text",
        },
        meaning: {
          ko: "데이터베이스나 테이블의 문자 집합이 utf8mb4가 아닙니다.",
          en: "The database or table character set is not utf8mb4.",
        },
        steps: [
          {
            ko: "mysql 클라이언트에서 아래 SQL을 실행하세요.",
            en: "Run the SQL below in the mysql client.",
          },
        ],
        sql: `ALTER DATABASE ${database} CHARACTER SET utf8mb4;\nALTER TABLE users CONVERT TO CHARACTER SET utf8mb4;`,
      };
    case "error":
      return {
        ...base,
        status: 500,
        title: { ko: "데이터베이스 오류", en: "Database error" },
        meaning: {
          ko: "아래 기술 정보의 오류 코드를 확인하세요.",
          en: "See the error code in the technical detail below.",
        },
        steps: [],
      };
  }
}
