/** The JSON body of every error response, at the gateway and at each service. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Every problem when there are several (e.g. one per invalid field). */
  details?: string[];
  requestId: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(statusCode: number): string {
  return REASONS[statusCode] ?? (statusCode >= 500 ? 'Server Error' : 'Client Error');
}

export function errorBody(statusCode: number, message: string | string[], requestId: string): ErrorBody {
  const messages = Array.isArray(message) ? message : [message];
  return {
    statusCode,
    error: reasonPhrase(statusCode),
    message: messages.join('; '),
    ...(messages.length > 1 ? { details: messages } : {}),
    requestId,
  };
}
