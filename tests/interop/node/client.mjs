// Calls the STO Scheduler from Node with @grpc/grpc-js and @grpc/proto-loader, loading
// protos/sto/scheduler/v1/*.proto exactly as they are, and prints one JSON object with what it saw.
//
//   node client.mjs <port> <coordinator-token> <protosDir> <commonProtosDir>
//
// The token is a coordinator's of regions/oost/subregions/c/schools/noord (the tests' data). Exit code 0 when
// every step behaved as expected, 1 otherwise (the JSON then carries "error").
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

const [port, token, protosDir, commonProtosDir] = process.argv.slice(2);
if (!port || !token || !protosDir || !commonProtosDir) {
  console.error('usage: node client.mjs <port> <token> <protosDir> <commonProtosDir>');
  process.exit(2);
}

const school = 'regions/oost/subregions/c/schools/noord';
const otherSchool = 'regions/oost/subregions/c/schools/zuid';
const lab = 'regions/oost/subregions/c/venues/lab-noord';

const v1Dir = join(protosDir, 'sto/scheduler/v1');
const files = readdirSync(v1Dir).filter((f) => f.endsWith('.proto')).map((f) => `sto/scheduler/v1/${f}`);
const definition = protoLoader.loadSync(files, {
  keepCase: true, // proto field names (snake_case), as in the .proto files
  longs: String,
  enums: String,
  defaults: false,
  oneofs: true,
  includeDirs: [protosDir, commonProtosDir],
});
const v1 = grpc.loadPackageDefinition(definition).sto.scheduler.v1;

// google.rpc.Status + details, decoded from the grpc-status-details-bin trailer with the same common protos.
const rpcRoot = new protobuf.Root();
rpcRoot.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : join(commonProtosDir, target));
rpcRoot.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
const StatusType = rpcRoot.lookupType('google.rpc.Status');

function decodeDetails(error) {
  const bin = error.metadata?.get('grpc-status-details-bin')?.[0];
  if (!bin) return [];
  const status = StatusType.decode(bin);
  return status.details.map((any) => {
    const typeName = any.type_url.slice(any.type_url.lastIndexOf('/') + 1);
    const message = rpcRoot.lookupType(typeName).decode(any.value);
    return { type: typeName, ...rpcRoot.lookupType(typeName).toObject(message, { enums: String }) };
  });
}

const metadata = new grpc.Metadata();
metadata.set('authorization', `Bearer ${token}`);
const offers = new v1.ElectiveOfferService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

function call(method, request) {
  return new Promise((resolve, reject) => {
    offers[method](request, metadata, { deadline: Date.now() + 10_000 }, (error, response) =>
      error ? reject(error) : resolve(response));
  });
}

function time(hours, minutes) {
  return { hours, minutes, seconds: 0, nanos: 0 };
}

const offer = {
  elective_code: 'PIE-NODE',
  display_name: 'Solderen vanuit Node',
  profile: 'PIE',
  min_group_size: 1,
  max_group_size: 12,
  max_parallel_groups: 1,
  own_pupil_seat_count: 8,
  open_seat_count: 4,
  required_qualification: 'PIE',
  sessions: ['2026-W14', '2026-W15'].map((week) => ({ week, venue: lab, start_time: time(13, 30), end_time: time(15, 0) })),
};

const result = {};
try {
  const created = await call('CreateElectiveOffer', {
    parent: school,
    elective_offer_id: 'node-solderen',
    elective_offer: offer,
  });
  result.created = { name: created.name, etag: created.etag, sessions: created.sessions.length };

  const read = await call('GetElectiveOffer', { name: created.name });
  result.read = {
    name: read.name,
    etag: read.etag,
    display_name: read.display_name,
    max_group_size: read.max_group_size,
    first_session: { week: read.sessions[0].week, venue: read.sessions[0].venue, start_hours: read.sessions[0].start_time.hours },
    has_create_time: read.create_time != null,
  };

  result.pages = [];
  let page_token = '';
  do {
    const page = await call('ListElectiveOffers', { parent: school, page_size: 1, page_token });
    result.pages.push(page.elective_offers.map((o) => o.name));
    page_token = page.next_page_token;
  } while (page_token && result.pages.length < 10);

  try {
    await call('CreateElectiveOffer', { parent: otherSchool, elective_offer_id: 'indringer', elective_offer: offer });
    result.denied = { code: 0 };
  } catch (error) {
    result.denied = {
      code: error.code,
      code_name: grpc.status[error.code],
      details: decodeDetails(error),
    };
  }

  try {
    await call('GetElectiveOffer', { name: `${school}/electiveOffers/Not_Valid` });
    result.invalid = { code: 0 };
  } catch (error) {
    const badRequest = decodeDetails(error).find((d) => d.type === 'google.rpc.BadRequest');
    result.invalid = { code: error.code, fields: (badRequest?.field_violations ?? []).map((v) => v.field) };
  }
} catch (error) {
  result.error = { code: error.code, message: error.details ?? String(error) };
} finally {
  offers.close();
}

console.log(JSON.stringify(result));
process.exit(result.error ? 1 : 0);
